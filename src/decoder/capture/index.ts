// The capture-file layer: reading pcap and pcapng (whole or streamed), and writing them.

export type { CaptureFormat, CaptureIndex, FrameToWrite, InterfaceInfo } from './capture-types.ts';
export { frameData, readCapture } from './read.ts';
export { CaptureStream, createCaptureStream } from './stream.ts';
export { writePcapng } from './write-pcapng.ts';
export { writePcap } from './write-pcap.ts';
export { convertToPcapng } from './convert.ts';
