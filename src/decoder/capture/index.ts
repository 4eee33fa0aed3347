// The capture-file layer: reading pcap and pcapng (whole or streamed), and writing them.

export type {
  CaptureFormat,
  CaptureFrame,
  CaptureIndex,
  FrameSink,
  FrameToWrite,
  InterfaceInfo,
  SectionInfo,
} from './capture-types.ts';
export { LINKTYPE, linkTypeName } from './linktypes.ts';
export { frameData, readCapture } from './read.ts';
export { CaptureStream, createCaptureStream } from './stream.ts';
export { sniffFormat } from './sniff.ts';
export { writePcapng } from './write-pcapng.ts';
export type { PcapngWriteOptions } from './write-pcapng.ts';
export { writePcap } from './write-pcap.ts';
export type { PcapWriteOptions } from './write-pcap.ts';
export { convertToPcapng } from './convert.ts';
export type { Converted } from './convert.ts';
export { readOptions, optionText, OPT_COMMENT } from './options.ts';
export type { PcapngOption } from './options.ts';
export { blockName } from './pcapng.ts';
export { splitLinkTypeWord } from './pcap.ts';
export { makeClock, ticksToNs, tsresolUnits } from './timestamp.ts';
export type { TsClock } from './timestamp.ts';
