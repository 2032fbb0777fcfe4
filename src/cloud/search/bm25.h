// BM25 relevance, as Lucene (and so Elasticsearch) scores a term in a document, with a logarithm
// and a rounding that give the same digits in native and WASM builds.
#pragma once

#include <cstdint>

namespace eventlab::cloud::search {

/// BM25 parameters: Elasticsearch's defaults, k1 = 1.2 and b = 0.75 (Elasticsearch reference,
/// "Similarity module", BM25).
struct Bm25Params {
  double k1 = 1.2;
  double b = 0.75;
};

/// Natural logarithm of x > 0 from IEEE-754 additions, multiplications and divisions only
/// (frexp, then the atanh series), so it does not depend on the C library's log().
double Ln(double x);

/// Lucene's BM25 idf: ln(1 + (N - n + 0.5) / (n + 0.5)), where N is the number of documents with
/// the field and n the number of those containing the term.
double Bm25Idf(uint64_t doc_count, uint64_t doc_freq);

/// One term's score in one document, as Lucene 8+ computes it (the (k1 + 1) factor of classic
/// BM25 was dropped, which does not change the order): idf * tf / (tf + k1 * (1 - b + b * dl / avgdl)).
/// `tf` is the term's frequency in the field, `field_length` (dl) the field's token count in the
/// document and `avg_field_length` (avgdl) the mean over documents with the field. Without norms
/// (keyword and boolean fields) the length part is 1: idf * tf / (tf + k1).
double Bm25TermScore(uint32_t tf, uint64_t field_length, double avg_field_length, uint64_t doc_count, uint64_t doc_freq,
                     bool norms, const Bm25Params& params = {});

/// A score in millionths, rounded half up: the form scores are compared and printed in.
int64_t ScoreMicros(double score);

}  // namespace eventlab::cloud::search
