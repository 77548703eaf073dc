/** 简体中文。键与 en.ts 完全一致（类型检查保证）。 */
import type { Messages } from './en.ts';

export const zh: Messages = {
  app: {
    name: 'MQTT 实验室',
    tagline: '把 MQTT 看到每一个比特。',
    language: '语言',
  },
};
