/**
 * The console's pages and who may open them, read from `renderer/routes.tsx` itself (its `ROUTES`
 * array, through the TypeScript parser): the tablet and English specs walk every page of every role
 * from this list, so a page added to the routes is checked without anyone remembering to add it.
 * (The routes file cannot be imported here: it pulls in React components and CSS modules.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { MethodName } from '../../shared/contract/index';
import { rolesAllowed } from '../../shared/contract/permissions';
import { ROLES, STAFF_ROLES, type Role } from '../../shared/domain/roles';

export interface RouteEntry {
  key: string;
  roles: readonly Role[];
}

const NAMED_ROLE_LISTS: Record<string, readonly Role[]> = { STAFF_ROLES, ROLES };

function stringsOf(node: ts.Expression, where: string): Role[] {
  if (ts.isIdentifier(node)) {
    const list = NAMED_ROLE_LISTS[node.text];
    if (!list) throw new Error(`${where}: roles given as ${node.text}, which route-table.ts does not know`);
    return [...list];
  }
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return stringsOf(node.expression, where);
  // `rolesAllowed('visits.board')`: the roles the contract gives that method (issue 13 part 5).
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'rolesAllowed') {
    const [method] = node.arguments;
    if (!method || !ts.isStringLiteral(method)) throw new Error(`${where}: rolesAllowed() without a literal method name`);
    return [...rolesAllowed(method.text as MethodName)];
  }
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.map((element) => {
      if (!ts.isStringLiteral(element) || !(ROLES as readonly string[]).includes(element.text)) {
        throw new Error(`${where}: a role that is not a literal role name: ${element.getText()}`);
      }
      return element.text as Role;
    });
  }
  throw new Error(`${where}: roles written in a way route-table.ts cannot read: ${node.getText()}`);
}

/** Every entry of `ROUTES` in renderer/routes.tsx: its key and the roles that see it. */
export function readRoutes(file = fileURLToPath(new URL('../../renderer/routes.tsx', import.meta.url))): RouteEntry[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  let found: ts.ArrayLiteralExpression | undefined;
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === 'ROUTES' && node.initializer) {
      let initializer: ts.Expression = node.initializer;
      while (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer)) initializer = initializer.expression;
      if (ts.isArrayLiteralExpression(initializer)) found = initializer;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!found) throw new Error(`${file}: no ROUTES array`);
  return found.elements.map((element, index) => {
    if (!ts.isObjectLiteralExpression(element)) throw new Error(`${file}: ROUTES[${index}] is not an object literal`);
    const property = (name: string) =>
      element.properties.find((entry): entry is ts.PropertyAssignment => ts.isPropertyAssignment(entry) && ts.isIdentifier(entry.name) && entry.name.text === name)?.initializer;
    const key = property('key');
    const roles = property('roles');
    if (!key || !ts.isStringLiteral(key) || !roles) throw new Error(`${file}: ROUTES[${index}] has no literal key or no roles`);
    return { key: key.text, roles: stringsOf(roles, `${file}: route ${key.text}`) };
  });
}

/** The routes a role can open, in menu order. */
export function routesOf(role: Role, routes = readRoutes()): string[] {
  return routes.filter((route) => route.roles.includes(role)).map((route) => route.key);
}
