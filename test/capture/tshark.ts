/**
 * tshark (Wireshark's command line, Debian package `tshark`) as an independent reader of capture
 * files: one call per file (its start-up, not the dissection, is what takes the time), its JSON
 * dissection flattened so tests can ask "which MQTT packets, with which field values, and which
 * expert infos".
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

export const TSHARK_BIN = '/usr/bin/tshark';
export const tsharkInstalled = (): boolean => existsSync(TSHARK_BIN);

/** Every value of every field in a protocol tree, nested trees included, by field name. */
export type Fields = Map<string, string[]>;

export interface DissectedFrame {
  number: number;
  /** One entry per MQTT packet the frame completes (a frame can end several, or none). */
  mqtt: Fields[];
  tcp: Fields;
  ip: Fields;
  /** Set on the frame that completes a PDU from several segments ('tcp.reassembled.length' …). */
  reassembled: Fields;
  /** Expert infos anywhere in the frame: severity ('chat', 'note', 'warning', 'error') and message. */
  expert: Array<{ severity: string; message: string }>;
  malformed: boolean;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function collect(node: Json, into: Fields): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, into);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string') {
      into.set(key, [...(into.get(key) ?? []), value]);
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      into.set(key, [...(into.get(key) ?? []), ...(value as string[])]);
    } else collect(value, into);
  }
}

export function fieldsOf(node: Json): Fields {
  const fields: Fields = new Map();
  collect(node, fields);
  return fields;
}

function expertsOf(node: Json, found: Array<{ severity: string; message: string }>): void {
  if (Array.isArray(node)) return node.forEach((n) => expertsOf(n, found));
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '_ws.expert') {
      for (const info of Array.isArray(value) ? value : [value]) {
        const f = fieldsOf(info);
        found.push({
          severity: f.get('_ws.expert.severity')?.[0] ?? '?',
          message: f.get('_ws.expert.message')?.[0] ?? '',
        });
      }
    } else expertsOf(value, found);
  }
}

/** Wireshark's severities as numbers (epan/proto.h PI_CHAT … PI_ERROR), for "above note". */
export const SEVERITY = { comment: 1, chat: 2, note: 4, warning: 6, error: 8 } as const;

function severityName(value: string): string {
  // tshark's JSON gives the severity as a number (0x00200000 chat, 0x00400000 note, 0x00600000 warn, 0x00800000 error)
  const n = Number(value);
  if (Number.isNaN(n)) return value.toLowerCase();
  return (
    (
      {
        0x00100000: 'comment',
        0x00200000: 'chat',
        0x00400000: 'note',
        0x00600000: 'warning',
        0x00800000: 'error',
      } as Record<number, string>
    )[n] ?? value
  );
}

export function dissect(file: string, extraArgs: string[] = []): Promise<DissectedFrame[]> {
  return new Promise((resolve, reject) => {
    execFile(
      TSHARK_BIN,
      ['-r', file, '-T', 'json', '--no-duplicate-keys', ...extraArgs],
      { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`tshark -r ${file}: ${error.message}\n${stderr}`));
        const packets = JSON.parse(stdout) as Array<{ _source: { layers: Record<string, Json> } }>;
        resolve(
          packets.map(({ _source: { layers } }) => {
            const mqtt = layers.mqtt === undefined ? [] : Array.isArray(layers.mqtt) ? layers.mqtt : [layers.mqtt];
            const expert: Array<{ severity: string; message: string }> = [];
            expertsOf(layers, expert);
            return {
              number: Number(fieldsOf(layers.frame).get('frame.number')?.[0]),
              mqtt: mqtt.map(fieldsOf),
              tcp: fieldsOf(layers.tcp ?? {}),
              ip: fieldsOf(layers.ip ?? {}),
              reassembled: fieldsOf(layers['tcp.segments'] ?? {}),
              expert: expert.map((e) => ({ ...e, severity: severityName(e.severity) })),
              malformed: '_ws.malformed' in layers || expert.some((e) => /malformed/i.test(e.message)),
            };
          }),
        );
      },
    );
  });
}
