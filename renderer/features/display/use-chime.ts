/**
 * The lobby display's chime: a soft two-tone "ding-dong" made with the Web Audio API (no sound
 * file). Browsers start audio suspended until someone touches the page (autoplay policy); while it
 * is, `blocked` is true so the page can ask for one tap, and the first tap anywhere unlocks it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** Two falling tones, like a lobby's call bell: E6 then C6. */
const TONES = [
  { frequency: 1318.5, at: 0, length: 0.9 },
  { frequency: 1046.5, at: 0.45, length: 1.3 },
] as const;

export interface Chime {
  /** Sound is blocked until the page is touched once. */
  blocked: boolean;
  /** How many chimes were played (the page shows it as `data-chimes`, for tests and support). */
  played: number;
  play(): void;
}

export function useChime(): Chime {
  const context = useRef<AudioContext | null>(null);
  const [blocked, setBlocked] = useState(true);
  const [played, setPlayed] = useState(0);

  useEffect(() => {
    if (typeof AudioContext === 'undefined') return;
    const audio = new AudioContext();
    context.current = audio;
    const follow = () => setBlocked(audio.state !== 'running');
    audio.addEventListener('statechange', follow);
    follow();
    const unlock = () => {
      void audio.resume().then(follow, follow);
    };
    window.addEventListener('pointerdown', unlock, { capture: true });
    window.addEventListener('keydown', unlock, { capture: true });
    return () => {
      audio.removeEventListener('statechange', follow);
      window.removeEventListener('pointerdown', unlock, { capture: true });
      window.removeEventListener('keydown', unlock, { capture: true });
      context.current = null;
      void audio.close();
    };
  }, []);

  const play = useCallback(() => {
    const audio = context.current;
    if (!audio || audio.state !== 'running') return;
    const start = audio.currentTime + 0.05;
    for (const tone of TONES) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = tone.frequency;
      // A bell: a quick rise, then a long exponential fade.
      gain.gain.setValueAtTime(0.0001, start + tone.at);
      gain.gain.exponentialRampToValueAtTime(0.35, start + tone.at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + tone.at + tone.length);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + tone.at);
      oscillator.stop(start + tone.at + tone.length + 0.05);
    }
    setPlayed((count) => count + 1);
  }, []);

  return { blocked, played, play };
}
