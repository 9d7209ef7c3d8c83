// The part of @sealsystems/ipp (MIT, SEAL Systems' maintained fork of williamkapke/ipp) that identify uses: its
// RFC 8010 encoder and bounds-checked decoder. Its own HTTP client is not used (no deadline, unbounded body).
declare module '@sealsystems/ipp' {
  export interface IppMessage {
    version?: string;
    operation?: string;
    statusCode?: string;
    id?: number;
    [group: string]: unknown;
  }
  export function serialize(message: IppMessage): Buffer;
  export function parse(buffer: Buffer): IppMessage;
  const ipp: { serialize: typeof serialize; parse: typeof parse };
  export default ipp;
}
