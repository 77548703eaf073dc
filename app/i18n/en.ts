/** English strings. zh.ts must have exactly the same keys (its type says so). */
export const en = {
  app: {
    name: 'MQTT Lab',
    tagline: 'See MQTT down to the bit.',
    language: 'Language',
  },
};

/** The shape every language must have: same keys, any text. */
export type Messages = DeepStrings<typeof en>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
