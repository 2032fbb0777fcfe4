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

/// The field length Lucene's BM25 sees: the token count stored in one byte (Lucene 9's
/// SmallFloat.intToByte4, read back with byte4ToInt). Lengths up to 23 are exact; longer ones keep
/// 4 significant bits (24 + ...: 100 is read as 96).
uint64_t LuceneNormLength(uint64_t field_length);

/// One term's score in one document, as OpenSearch 2 (Lucene 9, the engine Amazon OpenSearch
/// Service runs) and Elasticsearch 7 and 8 compute it: Lucene's BM25Similarity without the
/// (k1 + 1) numerator factor, which Lucene 8.0 dropped (LUCENE-8563) as it does not change the
/// order: idf * tf / (tf + k1 * (1 - b + b * dl / avgdl)). `tf` is the term's frequency in the
/// field, dl is LuceneNormLength(`field_length`) and `avg_field_length` (avgdl, exact) the mean
/// token count over documents with the field. Without norms (keyword and boolean fields) the
/// length part is 1: idf * tf / (tf + k1).
double Bm25TermScore(uint32_t tf, uint64_t field_length, double avg_field_length, uint64_t doc_count, uint64_t doc_freq,
                     bool norms, const Bm25Params& params = {});

/// A score in millionths, rounded half up: the form scores are compared and printed in.
int64_t ScoreMicros(double score);

}  // namespace eventlab::cloud::search
