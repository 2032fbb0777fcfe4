#version 300 es
// A bright disc with a soft halo, so moving events read as light along the edges.
precision mediump float;

in vec2 v_local;
in vec4 v_colour;
in float v_radius_px;
out vec4 o_colour;

void main() {
  float d = length(v_local);
  float disc = clamp((1.0 - d) * v_radius_px + 0.5, 0.0, 1.0);
  float halo = pow(clamp(1.0 - (d - 1.0), 0.0, 1.0), 2.0) * 0.45 * step(1.0, d);
  vec3 core = mix(v_colour.rgb, vec3(1.0), 0.35 * clamp(1.0 - d * 1.5, 0.0, 1.0));
  float alpha = max(disc, halo) * v_colour.a;
  o_colour = vec4(mix(v_colour.rgb, core, disc), alpha);  // straight alpha, as ImGui blends
}
