import { describe, expect, it } from 'vitest';
import { captureReferenceProblems } from '../../src/lib/capture-refs.ts';

const onDisk = (id: string, fileExists = true) => ({
  id,
  sidecar: `captures/${id}.yaml`,
  file: `captures/${id}.pcapng`,
  fileExists,
});

describe('captureReferenceProblems', () => {
  it('accepts lessons whose captures all exist', () => {
    const problems = captureReferenceProblems([{ file: 'lessons/02-udp.mdx', captures: ['report-dns'] }], [onDisk('report-dns')]);
    expect(problems).toEqual([]);
  });

  it('names the lesson file and the missing capture, with a likely fix', () => {
    const problems = captureReferenceProblems([{ file: 'lessons/02-udp.mdx', captures: ['report-dsn'] }], [onDisk('report-dns')]);
    expect(problems).toEqual(['lessons/02-udp.mdx: uses capture "report-dsn", but there is no captures/**/report-dsn.yaml. Did you mean "report-dns"?']);
  });

  it('says how to fix a name with no near match', () => {
    const [problem] = captureReferenceProblems([{ file: 'lessons/03-tcp.mdx', captures: ['handshake'] }], [onDisk('report-dns')]);
    expect(problem).toMatch(/^lessons\/03-tcp\.mdx: uses capture "handshake".*Add the capture with its YAML sidecar/);
  });

  it('reports a sidecar whose capture file is missing', () => {
    const problems = captureReferenceProblems([], [onDisk('report-dns', false)]);
    expect(problems).toEqual([
      'captures/report-dns.yaml: names capture file "captures/report-dns.pcapng", which does not exist. Put the capture beside the sidecar or fix "file".',
    ]);
  });

  it('reports every problem at once', () => {
    const problems = captureReferenceProblems(
      [
        { file: 'lessons/a.mdx', captures: ['x', 'y'] },
        { file: 'lessons/b.mdx', captures: ['z'] },
      ],
      [],
    );
    expect(problems).toHaveLength(3);
  });
});
