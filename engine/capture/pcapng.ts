/**
 * Writing pcapng (draft-ietf-opsawg-pcapng): a section header, one Ethernet interface, a name
 * resolution block (so Wireshark can show "broker" and client ids for the addresses) and one
 * enhanced packet block per frame, timestamps in microseconds. Little-endian throughout.
 */
import { ByteWriter, utf8Bytes } from './bytes.ts';

const SHB = 0x0a0d0d0a;
const IDB = 0x00000001;
const NRB = 0x00000004;
const EPB = 0x00000006;
const LINKTYPE_ETHERNET = 1;

const OPT_END = 0;
const OPT_COMMENT = 1;
const SHB_USERAPPL = 4;
const IF_NAME = 2;
const IF_DESCRIPTION = 3;
const NRB_IPV4 = 1;

function option(body: ByteWriter, code: number, value: Uint8Array): void {
  body.u16le(code).u16le(value.length).bytes(value).pad4();
}

function textOptions(body: ByteWriter, options: Array<[number, string]>): void {
  for (const [code, text] of options) option(body, code, utf8Bytes(text));
  if (options.length > 0) body.u16le(OPT_END).u16le(0);
}

function block(out: ByteWriter, type: number, body: Uint8Array): void {
  const total = 12 + body.length;
  out.u32le(type).u32le(total).bytes(body).u32le(total);
}

export interface PcapngHeader {
  /** What the file holds and how it was made (shown by Wireshark's capture file properties). */
  comment: string;
  application: string;
  interfaceName: string;
  /** Where the frames were seen. */
  interfaceDescription: string;
  /** Names for the addresses in the file. */
  names: Array<{ ip: Uint8Array; name: string }>;
}

export class PcapngWriter {
  private readonly out = new ByteWriter();

  constructor(header: PcapngHeader) {
    const shb = new ByteWriter();
    shb.u32le(0x1a2b3c4d).u16le(1).u16le(0).u32le(0xffffffff).u32le(0xffffffff); // byte order, v1.0, length unknown
    textOptions(shb, [
      [OPT_COMMENT, header.comment],
      [SHB_USERAPPL, header.application],
    ]);
    block(this.out, SHB, shb.finish());

    const idb = new ByteWriter();
    idb.u16le(LINKTYPE_ETHERNET).u16le(0).u32le(0); // snaplen 0: not limited
    textOptions(idb, [
      [IF_NAME, header.interfaceName],
      [IF_DESCRIPTION, header.interfaceDescription],
    ]);
    block(this.out, IDB, idb.finish());

    if (header.names.length > 0) {
      const nrb = new ByteWriter();
      for (const { ip, name } of header.names) {
        const value = new ByteWriter().bytes(ip).bytes(utf8Bytes(name)).u8(0).finish();
        nrb.u16le(NRB_IPV4).u16le(value.length).bytes(value).pad4();
      }
      nrb.u16le(0).u16le(0); // end of records
      block(this.out, NRB, nrb.finish());
    }
  }

  /** One frame seen at `timeUs` microseconds (virtual time: 0 is the start of the run). */
  packet(timeUs: number, frame: Uint8Array): void {
    const epb = new ByteWriter();
    epb.u32le(0); // interface 0
    epb.u32le(Math.floor(timeUs / 2 ** 32)).u32le(timeUs % 2 ** 32);
    epb.u32le(frame.length).u32le(frame.length).bytes(frame).pad4();
    block(this.out, EPB, epb.finish());
  }

  finish(): Uint8Array<ArrayBuffer> {
    return this.out.finish();
  }
}
