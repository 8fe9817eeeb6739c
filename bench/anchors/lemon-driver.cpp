// LEMON anchor for the optimize bench (bench/optimize.ts); built by bench/anchors/ensure-anchors.ts.
//
//   lemon-driver <file> <ns|cs> <repeats> [--rows R] [--unmatched-cost C]
//
// Reads one instance, solves it with LEMON 1.3 NetworkSimplex (ns) or CostScaling (cs) on long long
// costs, one untimed warm-up and then <repeats> timed solves, and prints one JSON line:
//   {"solver":"lemon-ns","status":"optimal","objective":2239,"ms":9.8,"times":[...],"nodes":..,"arcs":..}
// `ms` is the median of the timed solves; a solve is timed from constructing the algorithm object on
// the already-built graph (which copies the graph into the solver's arrays) to the end of run() and
// totalCost(): reading and parsing the file and building the graph are not timed.
//
// Instances:
// - `*.min`: DIMACS min-cost flow, read with LEMON's own readDimacsMin.
// - anything else: OR-Library assignment, either layout, told apart by the token count: `n` then
//   n*n costs (dense) or `n` then triples `i j c` (sparse, 1-based; unlisted pairs are forbidden).
//   It becomes a transportation network: each row a node with supply 1, each column a node with
//   demand 1, an arc row -> column with capacity 1 per allowed pair.
//   With --rows R the sparse file is rectangular: R rows, n columns. With --unmatched-cost C a row may
//   stay unmatched at cost C: columns then have no demand and drain into one sink through capacity-1
//   arcs, and every row has a bypass arc straight to the sink costing C (the sink takes all R units).
#include <lemon/cost_scaling.h>
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using Digraph = lemon::SmartDigraph;
using Value = long long;

namespace {

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "lemon-driver: %s\n", message.c_str());
  std::exit(2);
}

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Whitespace-separated integers; anything else is an error naming the token.
std::vector<Value> readIntegers(const std::string& path) {
  std::string text = readAll(path);
  std::vector<Value> tokens;
  tokens.reserve(text.size() / 4);
  const char* p = text.c_str();
  const char* end = p + text.size();
  while (p < end) {
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
    if (p >= end) break;
    char* next = nullptr;
    long long v = std::strtoll(p, &next, 10);
    if (next == p || (next < end && !std::strchr(" \n\r\t", *next)))
      fail("cannot read " + path + ": token " + std::to_string(tokens.size() + 1) + " \"" +
           std::string(p, std::min<std::size_t>(20, std::strcspn(p, " \n\r\t"))) + "\" is not an integer");
    tokens.push_back(v);
    p = next;
  }
  return tokens;
}

struct Network {
  Digraph graph;
  Digraph::ArcMap<Value> lower{graph}, upper{graph}, cost{graph};
  Digraph::NodeMap<Value> supply{graph};
};

void readAssignment(const std::string& path, long long rowsArg, bool unmatched, Value unmatchedCost,
                    Network& net) {
  std::vector<Value> t = readIntegers(path);
  if (t.empty()) fail("cannot read " + path + ": the file is empty");
  const long long n = t[0];
  const long long body = static_cast<long long>(t.size()) - 1;
  const bool dense = rowsArg < 0 && body == n * n;
  if (!dense && body % 3 != 0)
    fail("cannot read " + path + ": " + std::to_string(body) + " values after n = " + std::to_string(n) +
         " are neither n*n costs nor i j c triples");
  const long long rows = rowsArg < 0 ? n : rowsArg;
  const long long cols = n;
  if (!unmatched && rows != cols) fail("a rectangular assignment needs --unmatched-cost");
  Digraph& g = net.graph;
  const long long pairs = dense ? n * n : body / 3;
  g.reserveNode(static_cast<int>(rows + cols + 1));
  g.reserveArc(static_cast<int>(pairs + (unmatched ? rows + cols : 0)));
  std::vector<Digraph::Node> node(rows + cols);
  for (long long v = 0; v < rows + cols; ++v) {
    node[v] = g.addNode();
    net.supply[node[v]] = v < rows ? 1 : (unmatched ? 0 : -1);
  }
  auto addArc = [&](Digraph::Node from, Digraph::Node to, Value cap, Value c) {
    Digraph::Arc a = g.addArc(from, to);
    net.lower[a] = 0;
    net.upper[a] = cap;
    net.cost[a] = c;
  };
  if (dense) {
    for (long long i = 0; i < n; ++i)
      for (long long j = 0; j < n; ++j) addArc(node[i], node[rows + j], 1, t[1 + i * n + j]);
  } else {
    for (long long k = 0; k < pairs; ++k) {
      const long long i = t[1 + 3 * k], j = t[2 + 3 * k];
      if (i < 1 || i > rows || j < 1 || j > cols)
        fail("cannot read " + path + ": pair " + std::to_string(k + 1) + " (" + std::to_string(i) + ", " +
             std::to_string(j) + ") is outside " + std::to_string(rows) + " x " + std::to_string(cols));
      addArc(node[i - 1], node[rows + j - 1], 1, t[3 + 3 * k]);
    }
  }
  if (unmatched) {
    Digraph::Node sink = g.addNode();
    net.supply[sink] = -rows;
    for (long long j = 0; j < cols; ++j) addArc(node[rows + j], sink, 1, 0);
    for (long long i = 0; i < rows; ++i) addArc(node[i], sink, 1, unmatchedCost);
  }
}

const char* statusName(int status) {
  // NetworkSimplex and CostScaling share the INFEASIBLE / OPTIMAL / UNBOUNDED order.
  switch (status) {
    case 0: return "infeasible";
    case 1: return "optimal";
    default: return "unbounded";
  }
}

template <typename Algorithm>
double solveOnce(const Network& net, int& status, Value& objective) {
  const auto started = std::chrono::steady_clock::now();
  Algorithm algorithm(net.graph);
  algorithm.lowerMap(net.lower).upperMap(net.upper).costMap(net.cost).supplyMap(net.supply);
  status = static_cast<int>(algorithm.run());
  objective = status == 1 ? algorithm.totalCost() : 0;
  const auto finished = std::chrono::steady_clock::now();
  return std::chrono::duration<double, std::milli>(finished - started).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4)
    fail("usage: lemon-driver <file> <ns|cs> <repeats> [--rows R] [--unmatched-cost C]");
  const std::string path = argv[1];
  const std::string algo = argv[2];
  const int repeats = std::atoi(argv[3]);
  if (algo != "ns" && algo != "cs") fail("algorithm \"" + algo + "\" is not ns or cs");
  if (repeats < 1) fail(std::string("repeats \"") + argv[3] + "\" is not a positive integer");
  long long rows = -1;
  bool unmatched = false;
  Value unmatchedCost = 0;
  for (int a = 4; a + 1 < argc; a += 2) {
    if (std::strcmp(argv[a], "--rows") == 0) rows = std::atoll(argv[a + 1]);
    else if (std::strcmp(argv[a], "--unmatched-cost") == 0) {
      unmatched = true;
      unmatchedCost = std::atoll(argv[a + 1]);
    } else fail(std::string("unknown option ") + argv[a]);
  }

  Network net;
  const bool dimacs = path.size() > 4 && path.compare(path.size() - 4, 4, ".min") == 0;
  if (dimacs) {
    std::ifstream in(path);
    if (!in) fail("cannot open " + path);
    lemon::readDimacsMin(in, net.graph, net.lower, net.upper, net.cost, net.supply);
  } else {
    readAssignment(path, rows, unmatched, unmatchedCost, net);
  }

  std::vector<double> times;
  int status = 0;
  Value objective = 0;
  for (int r = 0; r <= repeats; ++r) {
    const double ms = algo == "ns"
        ? solveOnce<lemon::NetworkSimplex<Digraph, Value, Value>>(net, status, objective)
        : solveOnce<lemon::CostScaling<Digraph, Value, Value>>(net, status, objective);
    if (r > 0) times.push_back(ms);  // run 0 is the warm-up
  }
  std::vector<double> sorted = times;
  std::sort(sorted.begin(), sorted.end());
  std::printf("{\"solver\":\"lemon-%s\",\"status\":\"%s\",\"objective\":", algo.c_str(), statusName(status));
  if (status == 1) std::printf("%lld", objective);
  else std::printf("null");
  std::printf(",\"ms\":%.4f,\"times\":[", sorted[sorted.size() / 2]);
  for (std::size_t k = 0; k < times.size(); ++k) std::printf("%s%.4f", k ? "," : "", times[k]);
  std::printf("],\"nodes\":%d,\"arcs\":%d}\n", lemon::countNodes(net.graph), lemon::countArcs(net.graph));
  return 0;
}
