#version 300 es
// One instance per event in flight: a quad around its centre, large enough for the halo.
precision highp float;

layout(location = 0) in vec2 a_corner;   // -1..1
layout(location = 1) in vec2 i_centre;
layout(location = 2) in float i_radius;
layout(location = 3) in vec4 i_colour;

uniform vec3 u_view;
uniform vec2 u_viewport;

out vec2 v_local;         // -2..2: 1 is the disc's edge, 2 the halo's
out vec4 v_colour;
out float v_radius_px;

void main() {
  // Particles keep a readable size when zoomed out: at least 3 px.
  float r = max(i_radius * u_view.x, 3.0);
  vec2 p = i_centre * u_view.x + u_view.yz + a_corner * r * 2.0;
  vec2 ndc = p / u_viewport * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
  v_local = a_corner * 2.0;
  v_colour = i_colour;
  v_radius_px = r;
}
