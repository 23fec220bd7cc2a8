/** Summarises a V8 .cpuprofile (node --cpu-prof) as self time per package, for the benches' reports. */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function comes from: its npm package, Node's internals, the API's own bundle, or V8. */
export function originOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url)
    return functionName === '(garbage collector)'
      ? 'V8: garbage collector'
      : `V8: ${functionName || '(anonymous)'}`;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  if (url.startsWith('node:')) return 'Node.js internals';
  if (url.includes('dist/apps/api/main.js')) return 'the API bundle (its own code)';
  return url;
}

/** A Markdown table: self time per origin, as a share of the busy (non-idle) samples, largest first. */
export function summariseCpuProfile(
  profile: CpuProfile,
  top = 14,
  thread = 'the main thread',
): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const micros = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    const origin = originOf(node.callFrame);
    micros.set(origin, (micros.get(origin) ?? 0) + delta);
    busy += delta;
  });
  const rows = [...micros.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `| origin | share of ${thread}'s busy time |`,
    `|---|---:|`,
    ...rows.map(([origin, time]) => `| ${origin} | ${((time / busy) * 100).toFixed(1)} % |`),
    `| (busy time profiled) | ${(busy / 1e6).toFixed(1)} s |`,
  ].join('\n');
}
