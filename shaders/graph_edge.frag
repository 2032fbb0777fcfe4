#version 300 es
// Edges: solid colour with a one-pixel soft border.
precision mediump float;

in vec4 v_colour;
in float v_across;
in float v_half_px;
out vec4 o_colour;

void main() {
  float from_edge_px = (1.0 - abs(v_across)) * v_half_px;
  float alpha = clamp(from_edge_px, 0.0, 1.0);
  o_colour = vec4(v_colour.rgb, v_colour.a * alpha);
}
