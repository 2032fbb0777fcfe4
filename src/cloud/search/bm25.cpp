// Scores are doubles (Lucene uses 32-bit floats, so Elasticsearch's last digits can differ);
// everything that leaves the service goes through ScoreMicros.
#include "cloud/search/bm25.h"

#include <algorithm>
#include <cmath>

namespace eventlab::cloud::search {

double Ln(double x) {
  if (!(x > 0)) return 0;  // callers pass positive values only
  int exponent = 0;
  double m = std::frexp(x, &exponent);  // exact: x = m * 2^exponent, m in [0.5, 1)
  constexpr double kSqrtHalf = 0.70710678118654752440;
  if (m < kSqrtHalf) {
    m *= 2;  // exact
    --exponent;
  }
  // ln(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716: 14 terms reach double precision.
  const double s = (m - 1) / (m + 1);
  const double s2 = s * s;
  double power = s, sum = 0;
  for (int k = 0; k < 14; ++k) {
    sum += power / (2 * k + 1);
    power *= s2;
  }
  constexpr double kLn2 = 0.69314718055994530942;
  return 2 * sum + exponent * kLn2;
}

double Bm25Idf(uint64_t doc_count, uint64_t doc_freq) {
  const double n_docs = static_cast<double>(doc_count), n = static_cast<double>(doc_freq);
  return Ln(1 + (n_docs - n + 0.5) / (n + 0.5));
}

uint64_t LuceneNormLength(uint64_t field_length) {
  // intToByte4: values below NUM_FREE_VALUES (24) as they are, then 24 + longToInt4(i - 24),
  // which keeps the 4 most significant bits; byte4ToInt decodes (bits | 8) << shift.
  constexpr uint64_t kFree = 24;
  if (field_length < kFree) return field_length;
  const uint64_t rest = std::min<uint64_t>(field_length, 2147483647) - kFree;
  int bits = 0;
  while (bits < 64 && (rest >> bits) != 0) ++bits;
  if (bits < 4) return kFree + rest;
  const int shift = bits - 4;
  return kFree + ((((rest >> shift) & 0x07) | 0x08) << shift);
}

double Bm25TermScore(uint32_t tf, uint64_t field_length, double avg_field_length, uint64_t doc_count, uint64_t doc_freq,
                     bool norms, const Bm25Params& params) {
  const double freq = tf;
  double length_part = 1;
  if (norms && avg_field_length > 0) {
    length_part = 1 - params.b + params.b * static_cast<double>(LuceneNormLength(field_length)) / avg_field_length;
  }
  return Bm25Idf(doc_count, doc_freq) * freq / (freq + params.k1 * length_part);
}

int64_t ScoreMicros(double score) { return static_cast<int64_t>(std::floor(score * 1e6 + 0.5)); }

}  // namespace eventlab::cloud::search
