#version 300 es
// One instance per node: a quad a little larger than the node's box (room for the glow); the
// fragment shader cuts the shape out of it with a signed distance.
precision highp float;

layout(location = 0) in vec2 a_corner;   // -1..1
layout(location = 1) in vec2 i_centre;
layout(location = 2) in vec2 i_half_size;
layout(location = 3) in vec4 i_fill;
layout(location = 4) in vec4 i_border;
layout(location = 5) in float i_shape;
layout(location = 6) in float i_highlight;

uniform vec3 u_view;
uniform vec2 u_viewport;

out vec2 v_local_px;      // position relative to the centre, in pixels
out vec2 v_half_px;       // the box's half size in pixels
out vec4 v_fill;
out vec4 v_border;
flat out int v_shape;
out float v_highlight;

const float kGlowPx = 10.0;

void main() {
  vec2 half_px = i_half_size * u_view.x;
  vec2 local = a_corner * (half_px + kGlowPx);
  vec2 p = i_centre * u_view.x + u_view.yz + local;
  vec2 ndc = p / u_viewport * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
  v_local_px = local;
  v_half_px = half_px;
  v_fill = i_fill;
  v_border = i_border;
  v_shape = int(i_shape + 0.5);
  v_highlight = i_highlight;
}
