// Frames from the course's source report, rebuilt byte for byte from its listings and hex dump.

import { hex } from './oracle.ts';

/**
 * Frame 1: the DNS query for st.afreecatv.com, from the report's hex dump,
 * with its one OCR error fixed (offset 0x46 reads 6d, the "m" of "com").
 */
export const REPORT_FRAME_1 = hex(`
  70 5d cc 65 65 aa 48 5f 99 46 85 d3 08 00 45 00
  00 3e bb 05 00 00 80 11 d7 7c c0 a8 00 05 a8 7e
  3f 01 d5 d8 00 35 00 2a d2 9b 56 2d 01 00 00 01
  00 00 00 00 00 00 02 73 74 09 61 66 72 65 65 63
  61 74 76 03 63 6f 6d 00 00 01 00 01`);

const ROUTER_MAC = '70 5d cc 65 65 aa';
const PC_MAC = '48 5f 99 46 85 d3';
const ROUTER_IP = 'c0 a8 00 01';
const PC_IP = 'c0 a8 00 05';

/** Frames 10775 (request, unicast to the PC's known MAC) and 10776 (reply). */
export const REPORT_ARP_REQUEST = hex(`${PC_MAC} ${ROUTER_MAC} 08 06 0001 0800 06 04 0001 ${ROUTER_MAC} ${ROUTER_IP} 000000000000 ${PC_IP}`);
export const REPORT_ARP_REPLY = hex(`${ROUTER_MAC} ${PC_MAC} 08 06 0001 0800 06 04 0002 ${PC_MAC} ${PC_IP} ${ROUTER_MAC} ${ROUTER_IP}`);
