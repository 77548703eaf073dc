/** The engine's only import surface: the app, lessons and tests import from here ('$engine'). */
export * from './codec/index.ts';
