// The graph's drawing box in SVG units, with its margins for the axes. Its own
// module: the explorer's Worker thins points to this width without the renderer.
export const GRAPH_SIZE = { width: 640, height: 320, left: 72, right: 16, top: 12, bottom: 40 } as const;

/** The drawing's width between its margins: one column a pixel, the most points worth drawing across. */
export const GRAPH_COLUMNS = GRAPH_SIZE.width - GRAPH_SIZE.left - GRAPH_SIZE.right;
