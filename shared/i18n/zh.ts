/**
 * The message catalogue, Simplified Chinese: the source language, merged from the domain
 * catalogues in ./catalog (one file per domain). Every key also exists in English (checked by
 * the compiler in each domain's file).
 *
 * Merged with one Object.assign, not an object literal of spreads: V8 builds a 3,000-key literal of
 * twenty spreads an order of magnitude slower (~100 ms against ~10 ms on the lobby PC's class of
 * machine, measured), and the catalogue is evaluated before the first screen can render.
 */
import { catalogs } from './catalog/index';

type Catalogs = (typeof catalogs)[keyof typeof catalogs];
type UnionToIntersection<U> = (U extends unknown ? (each: U) => void : never) extends (each: infer I) => void ? I : never;

export const zh = Object.assign({}, ...Object.values(catalogs).map((domain) => domain.zh)) as UnionToIntersection<Catalogs['zh']>;

export type MessageKey = keyof typeof zh;
