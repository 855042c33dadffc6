// A district map drawn as SVG from GeoJSON (GET /api/v1/geo/{state}) with a small equirectangular projection
// corrected for latitude: enough for one state, no library needed.
import { svg, replace } from './dom.js';

const WIDTH = 1000;

function eachPolygon(geometry, fn) {
  if (!geometry) return;
  if (geometry.type === 'Polygon') fn(geometry.coordinates);
  else if (geometry.type === 'MultiPolygon') geometry.coordinates.forEach(fn);
}

function bounds(features) {
  let minLon = Infinity; let maxLon = -Infinity; let minLat = Infinity; let maxLat = -Infinity;
  for (const f of features) {
    eachPolygon(f.geometry, (rings) => rings.forEach((ring) => ring.forEach(([lon, lat]) => {
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    })));
  }
  return { minLon, maxLon, minLat, maxLat };
}

/** The projection fitted to the features: [lon, lat] → [x, y] with x in 0..1000. */
export function projection(features) {
  const b = bounds(features);
  const k = Math.cos(((b.minLat + b.maxLat) / 2) * Math.PI / 180);
  const scale = WIDTH / ((b.maxLon - b.minLon) * k);
  const height = (b.maxLat - b.minLat) * scale;
  const project = ([lon, lat]) => [(lon - b.minLon) * k * scale, (b.maxLat - lat) * scale];
  return { project, width: WIDTH, height };
}

function ringPath(ring, project) {
  let d = '';
  ring.forEach((point, i) => {
    const [x, y] = project(point);
    d += `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
  });
  return `${d}Z`;
}

/** The area-weighted centroid of the largest outer ring (where the label goes). */
function labelPoint(geometry, project) {
  let best = null;
  eachPolygon(geometry, (rings) => {
    const pts = rings[0].map(project);
    let area = 0; let cx = 0; let cy = 0;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i, i += 1) {
      const cross = pts[j][0] * pts[i][1] - pts[i][0] * pts[j][1];
      area += cross;
      cx += (pts[j][0] + pts[i][0]) * cross;
      cy += (pts[j][1] + pts[i][1]) * cross;
    }
    if (area !== 0 && (!best || Math.abs(area) > best.area)) {
      best = { area: Math.abs(area), x: cx / (3 * area), y: cy / (3 * area) };
    }
  });
  return best;
}

/**
 * Draws the features into the <svg> element. options.onSelect(code) on click or Enter; options.label(props) → text.
 * Answers {paths: Map code → <path>, labels: Map code → <text>}.
 */
export function drawMap(svgEl, geojson, { onSelect, label } = {}) {
  const features = geojson.features || [];
  const { project, width, height } = projection(features);
  svgEl.setAttribute('viewBox', `-5 -5 ${width + 10} ${Math.ceil(height) + 10}`);
  svgEl.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  const shapes = svg('g', { class: 'districts' });
  const names = svg('g', { class: 'labels', 'aria-hidden': 'true' });
  const paths = new Map();
  const labels = new Map();
  for (const feature of features) {
    const p = feature.properties || {};
    let d = '';
    eachPolygon(feature.geometry, (rings) => rings.forEach((ring) => { d += ringPath(ring, project); }));
    const title = svg('title');
    const path = svg('path', {
      d, class: 'district status-none', tabindex: '0', role: 'link', dataset: { code: p.code || '' },
    }, title);
    if (onSelect && p.code) {
      path.addEventListener('click', () => onSelect(p.code));
      path.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(p.code);
        }
      });
    }
    shapes.append(path);
    paths.set(p.code, path);
    const at = labelPoint(feature.geometry, project);
    if (at) {
      const text = svg('text', { x: at.x.toFixed(1), y: at.y.toFixed(1), class: 'district-label' });
      text.textContent = label ? label(p) : p.name;
      names.append(text);
      labels.set(p.code, text);
    }
  }
  replace(svgEl, shapes, names);
  return { paths, labels };
}
