import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { type PointerEvent, useEffect, useMemo, useRef, type WheelEvent } from 'react';
import { boundsOf, sameBox, viewBox } from './geometry.js';
import { type Frame, fitFrame, toFlow, toMinimap } from './minimap.js';
import type { BlockFlowNode } from './view.js';

const SIZE = { width: 200, height: 150 };
const COLOURS = { block: '#c5ccd3', selected: '#1a73e8', entry: '#2e7d32' };

/**
 * The minimap of a big flow. React Flow's MiniMap draws every block as an SVG rect and, as the
 * view outline is part of the same picture, has all 2,000 of them redrawn on each frame of a pan;
 * here the blocks are drawn once on a canvas (again only when they change) and the outline is a
 * box moved over it. Drag or click to move the view there, wheel to zoom, as on React Flow's.
 */
export function BlockMiniMap({ nodes }: { nodes: readonly BlockFlowNode[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();
  const frame = useMemo(() => fitFrame(boundsOf(nodes), SIZE), [nodes]);
  const view = useStore((s) => viewBox(s.transform, s.width, s.height), sameBox);
  useEffect(() => {
    if (canvas.current) draw(canvas.current, nodes, frame);
  }, [nodes, frame]);

  const moveTo = (e: PointerEvent<HTMLElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const at = toFlow(frame, { x: e.clientX - r.left, y: e.clientY - r.top });
    void flow.setCenter(at.x, at.y, { zoom: flow.getZoom() });
  };
  const outline = toMinimap(frame, view);
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return (
    <Panel
      position="bottom-right"
      className="block-minimap"
      role="img"
      aria-label="Mini map"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons & 1) moveTo(e);
      }}
      onWheel={(e: WheelEvent) => void flow.zoomTo(flow.getZoom() * 2 ** (-e.deltaY * 0.002))}
    >
      <canvas
        ref={canvas}
        width={SIZE.width * dpr}
        height={SIZE.height * dpr}
        style={{ width: SIZE.width, height: SIZE.height }}
      />
      <div
        className="block-minimap-view"
        style={{
          width: outline.width,
          height: outline.height,
          transform: `translate(${outline.x}px, ${outline.y}px)`,
        }}
      />
    </Panel>
  );
}

function draw(canvas: HTMLCanvasElement, nodes: readonly BlockFlowNode[], frame: Frame) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const scale = canvas.width / SIZE.width;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, SIZE.width, SIZE.height);
  for (const n of nodes) {
    const r = toMinimap(frame, { ...n.position, width: n.width ?? 0, height: n.height ?? 0 });
    ctx.fillStyle = n.data.isStart ? COLOURS.entry : n.selected ? COLOURS.selected : COLOURS.block;
    ctx.fillRect(r.x, r.y, Math.max(r.width, 1), Math.max(r.height, 1));
  }
}
