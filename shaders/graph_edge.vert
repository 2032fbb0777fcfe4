#version 300 es
// One instance per edge: a quad from a to b, `width` world units wide. World units map to the
// panel's pixels through u_view (scale, offset); the panel is the viewport.
precision highp float;

layout(location = 0) in vec2 a_corner;   // x: 0 at a, 1 at b; y: -1..1 across
layout(location = 1) in vec2 i_a;
layout(location = 2) in vec2 i_b;
layout(location = 3) in vec4 i_colour;
layout(location = 4) in float i_width;

uniform vec3 u_view;      // scale, offset x, offset y: pixel = world * scale + offset
uniform vec2 u_viewport;  // panel size in pixels

out vec4 v_colour;
out float v_across;       // -1..1 across the line, for antialiasing
out float v_half_px;      // half the drawn width in pixels

void main() {
  vec2 a = i_a * u_view.x + u_view.yz;
  vec2 b = i_b * u_view.x + u_view.yz;
  vec2 dir = b - a;
  float len = max(length(dir), 1e-4);
  vec2 normal = vec2(-dir.y, dir.x) / len;
  // At least 1.5 px so that zooming out never loses an edge; 1 px more for the soft border.
  float half_px = max(i_width * u_view.x, 1.5) * 0.5 + 1.0;
  vec2 p = mix(a, b, a_corner.x) + normal * a_corner.y * half_px;
  vec2 ndc = p / u_viewport * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
  v_colour = i_colour;
  v_across = a_corner.y;
  v_half_px = half_px;
}
