# Source this file (`. scripts/use-node24.sh`) to put Node ≥ 22 first on PATH in your shell:
# on a machine whose Node is older it fetches Node 24 from the npm registry once (see node24.mjs).
_frontdesk_dir=$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")" && pwd)
_frontdesk_bin=$(node "$_frontdesk_dir/node24.mjs" --bin-dir) || return 1 2>/dev/null || exit 1
case ":$PATH:" in *":$_frontdesk_bin:"*) ;; *) export PATH="$_frontdesk_bin:$PATH" ;; esac
unset _frontdesk_dir _frontdesk_bin
