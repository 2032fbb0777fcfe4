#version 300 es
// Node shapes as signed distances in pixels (negative inside): a rounded box (clients), a circle
// (topics), a hexagon (functions), a diamond (APIs), a cylinder (buckets, tables, indexes), a pill
// (queues, streams) and a tag (routes, mappings). Border 2 px; a glow when highlighted.
precision highp float;

in vec2 v_local_px;
in vec2 v_half_px;
in vec4 v_fill;
in vec4 v_border;
flat in int v_shape;
in float v_highlight;
out vec4 o_colour;

float RoundedBox(vec2 p, vec2 b, float r) {
  vec2 q = abs(p) - b + r;
  return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - r;
}

float Hexagon(vec2 p, vec2 b) {
  // A box whose left and right ends are cut to points.
  vec2 q = abs(p);
  float cut = b.y * 0.6;
  float slant = (q.x - (b.x - cut) + q.y * cut / b.y) * 0.8575;  // 1/sqrt(1+(cut/b.y)^2) for cut=0.6 b.y
  return max(q.y - b.y, slant);
}

float Diamond(vec2 p, vec2 b) {
  vec2 q = abs(p) / b;
  return (q.x + q.y - 1.0) * min(b.x, b.y) * 0.7071;
}

float Cylinder(vec2 p, vec2 b) {
  // A box with an elliptic top rim: the body, plus the top and bottom ellipses.
  float rim = min(b.y * 0.35, 10.0);
  float body = RoundedBox(p, vec2(b.x, b.y - rim), 2.0);
  vec2 e = vec2(b.x, rim);
  float top = (length((p - vec2(0.0, -(b.y - rim))) / e) - 1.0) * min(e.x, e.y);
  float bottom = (length((p - vec2(0.0, b.y - rim)) / e) - 1.0) * min(e.x, e.y);
  return min(body, min(top, bottom));
}

float Tag(vec2 p, vec2 b) {
  // A box with a pointed right end.
  float box = RoundedBox(p - vec2(-b.y * 0.25, 0.0), vec2(b.x - b.y * 0.25, b.y), 3.0);
  vec2 q = vec2(p.x - (b.x - b.y), abs(p.y));
  float point = (q.x + q.y - b.y) * 0.7071;
  return max(min(box, point), abs(p.y) - b.y);
}

float ShapeDistance(vec2 p, vec2 b) {
  if (v_shape == 1) return length(p) - min(b.x, b.y) * 1.05;
  if (v_shape == 2) return Hexagon(p, b);
  if (v_shape == 3) return Diamond(p, b * vec2(1.15, 1.2));
  if (v_shape == 4) return Cylinder(p, b);
  if (v_shape == 5) return RoundedBox(p, b, b.y);
  if (v_shape == 6) return Tag(p, b);
  return RoundedBox(p, b, 8.0);
}

void main() {
  float d = ShapeDistance(v_local_px, v_half_px);
  float inside = clamp(0.5 - d, 0.0, 1.0);
  float border = clamp(1.0 - abs(d + 1.0) * 0.5, 0.0, 1.0);
  vec4 colour = mix(v_fill, vec4(v_border.rgb, 1.0), border * v_border.a);
  colour.a *= inside;
  // The glow: fades over 10 px outside the border.
  float glow = v_highlight * clamp(1.0 - d / 10.0, 0.0, 1.0) * step(0.0, d) * 0.7;
  // "Over" in straight alpha (the blend ImGui's backend leaves set): the shape over its glow.
  float alpha = colour.a + glow * (1.0 - colour.a);
  vec3 rgb = (colour.rgb * colour.a + v_border.rgb * glow * (1.0 - colour.a)) / max(alpha, 1e-4);
  o_colour = vec4(rgb, alpha);
}
