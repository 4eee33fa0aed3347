// The strings of the Follow stream panel (FollowStream and the explorer's Follow), in English.
export const followStream = {
  title: (proto: string, stream: number) => `Follow ${proto.toUpperCase()} stream ${stream}`,
  legend: 'Who sent what',
  endpoint: (dir: string, endpoint: string) => `${dir}: ${endpoint}`,
  sent: (frames: number, bytes: number) => `${bytes.toLocaleString('en')} bytes in ${frames.toLocaleString('en')} ${frames === 1 ? 'chunk' : 'chunks'}`,
  view: 'Show as',
  views: { ascii: 'ASCII', hex: 'Hex dump', raw: 'Raw' } as Record<string, string>,
  download: (dir: string) => `Download ${dir}'s bytes`,
  body: (proto: string, stream: number) => `Payload of ${proto.toUpperCase()} stream ${stream}, both directions in capture order`,
  empty: 'This stream carries no payload.',
  noStream: (proto: string, stream: number) => `there is no ${proto.toUpperCase()} stream ${stream}`,
  more: (shown: number, total: number) => `Showing ${shown.toLocaleString('en')} of ${total.toLocaleString('en')} chunks; scroll for more.`,
} as const;
