// Sugiyama-style layering in three passes: break cycles with a depth-first search from the
// sources, give each node the longest path from a source as its layer, then order each layer by
// the mean position of its neighbours (a few sweeps down and up).
#include "view/graph_layout.h"

#include <algorithm>
#include <functional>
#include <set>

namespace eventlab::view {

namespace {

struct Graph {
  std::vector<std::string> ids;                    // node index -> address
  std::vector<std::vector<int>> out, in;           // acyclic adjacency after breaking cycles
};

int KindRank(const std::string& kind) {
  // Where a depth-first search starts: the things that begin a flow.
  if (kind == "client") return 0;
  if (kind == "api" || kind == "websocket") return 1;
  return 2;
}

Graph BuildAcyclic(const api::Architecture& arch) {
  Graph g;
  std::map<std::string, int> index;
  for (const auto& n : arch.nodes) {
    index[n.address] = static_cast<int>(g.ids.size());
    g.ids.push_back(n.address);
  }
  const size_t n = g.ids.size();
  std::vector<std::vector<int>> adjacency(n);
  std::vector<int> indegree(n, 0);
  for (const auto& e : arch.edges) {
    auto a = index.find(e.from), b = index.find(e.to);
    if (a == index.end() || b == index.end()) continue;
    adjacency[a->second].push_back(b->second);
    ++indegree[b->second];
  }
  // Start order: nodes nobody sends to, clients first, then everything else in name order.
  std::vector<int> starts(n);
  for (size_t i = 0; i < n; ++i) starts[i] = static_cast<int>(i);
  std::stable_sort(starts.begin(), starts.end(), [&](int a, int b) {
    const bool source_a = indegree[a] == 0, source_b = indegree[b] == 0;
    if (source_a != source_b) return source_a;
    return KindRank(arch.nodes[a].kind) < KindRank(arch.nodes[b].kind);
  });
  g.out.assign(n, {});
  g.in.assign(n, {});
  std::vector<int> state(n, 0);  // 0 unseen, 1 on the stack, 2 done
  std::function<void(int)> visit = [&](int v) {
    state[v] = 1;
    for (int w : adjacency[v]) {
      if (state[w] == 1) continue;  // a back edge closes a cycle: leave it out of the layering
      g.out[v].push_back(w);
      g.in[w].push_back(v);
      if (state[w] == 0) visit(w);
    }
    state[v] = 2;
  };
  for (int s : starts) {
    if (state[s] == 0) visit(s);
  }
  return g;
}

std::vector<int> LongestPathLayers(const Graph& g) {
  const size_t n = g.ids.size();
  std::vector<int> layer(n, 0), pending(n, 0);
  std::vector<int> ready;
  for (size_t v = 0; v < n; ++v) {
    pending[v] = static_cast<int>(g.in[v].size());
    if (pending[v] == 0) ready.push_back(static_cast<int>(v));
  }
  while (!ready.empty()) {
    const int v = ready.back();
    ready.pop_back();
    for (int w : g.out[v]) {
      layer[w] = std::max(layer[w], layer[v] + 1);
      if (--pending[w] == 0) ready.push_back(w);
    }
  }
  return layer;
}

/// Reorders each layer by the mean row of its neighbours in the previous (or next) layer.
void SweepOrder(const Graph& g, std::vector<std::vector<int>>& rows) {
  std::vector<float> position(g.ids.size(), 0.0f);
  auto remember = [&] {
    for (const auto& row : rows) {
      for (size_t i = 0; i < row.size(); ++i) position[row[i]] = static_cast<float>(i);
    }
  };
  remember();
  for (int sweep = 0; sweep < 4; ++sweep) {
    const bool down = sweep % 2 == 0;
    for (size_t k = 1; k < rows.size(); ++k) {
      auto& row = rows[down ? k : rows.size() - 1 - k];
      std::vector<std::pair<float, int>> keyed;
      for (int v : row) {
        const auto& neighbours = down ? g.in[v] : g.out[v];
        float key = position[v];
        if (!neighbours.empty()) {
          float sum = 0;
          for (int w : neighbours) sum += position[w];
          key = sum / static_cast<float>(neighbours.size());
        }
        keyed.push_back({key, v});
      }
      std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      for (size_t i = 0; i < keyed.size(); ++i) row[i] = keyed[i].second;
      remember();
    }
  }
}

}  // namespace

GraphLayout LayOut(const api::Architecture& arch) {
  GraphLayout out;
  const Graph g = BuildAcyclic(arch);
  const std::vector<int> layer = LongestPathLayers(g);
  int layer_count = 0;
  for (int l : layer) layer_count = std::max(layer_count, l + 1);
  std::vector<std::vector<int>> rows(static_cast<size_t>(layer_count));
  for (size_t v = 0; v < g.ids.size(); ++v) rows[layer[v]].push_back(static_cast<int>(v));
  SweepOrder(g, rows);
  for (size_t l = 0; l < rows.size(); ++l) {
    const float height = static_cast<float>(rows[l].size() - 1) * kRowGap;
    for (size_t i = 0; i < rows[l].size(); ++i) {
      const std::string& id = g.ids[rows[l][i]];
      out.centers[id] = {static_cast<float>(l) * kLayerGap, static_cast<float>(i) * kRowGap - height / 2};
      out.layers[id] = static_cast<int>(l);
    }
  }
  return out;
}

Bounds LayoutBounds(const std::map<std::string, Vec2>& centers) {
  if (centers.empty()) return {{-kNodeWidth, -kNodeHeight}, {kNodeWidth, kNodeHeight}};
  Bounds b{{1e30f, 1e30f}, {-1e30f, -1e30f}};
  for (const auto& [id, c] : centers) {
    b.min.x = std::min(b.min.x, c.x - kNodeWidth / 2);
    b.min.y = std::min(b.min.y, c.y - kNodeHeight / 2);
    b.max.x = std::max(b.max.x, c.x + kNodeWidth / 2);
    b.max.y = std::max(b.max.y, c.y + kNodeHeight / 2);
  }
  return b;
}

}  // namespace eventlab::view
