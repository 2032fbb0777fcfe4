// mbedTLS RSA contexts built from plain numbers on each use, so that keys stay copyable values.
// All randomness comes from eventlab's Rng: key generation draws from the caller's stream, and
// the blinding of private-key operations from a fixed stream (blinding never changes a
// PKCS#1 v1.5 signature, only how it is computed).
#include "cloud/auth/rsa_key.h"

#include <mbedtls/bignum.h>
#include <mbedtls/error.h>
#include <mbedtls/pk.h>
#include <mbedtls/rsa.h>
#include <mbedtls/sha256.h>

#include <vector>

namespace eventlab::cloud::auth {
namespace {

core::Error KeyError(const std::string& message) { return {kInvalidKey, message, 400}; }

std::string MbedtlsText(int rc) {
  char buf[160];
  mbedtls_strerror(rc, buf, sizeof buf);
  return buf;
}

/// mbedTLS's f_rng over an eventlab Rng: 8 bytes per draw, little-endian, the rest of a draw dropped.
int RngBytes(void* state, unsigned char* out, size_t n) {
  auto* rng = static_cast<core::Rng*>(state);
  for (size_t i = 0; i < n; i += 8) {
    const uint64_t word = rng->NextU64();
    for (size_t b = 0; b < 8 && i + b < n; ++b) out[i + b] = static_cast<unsigned char>(word >> (8 * b));
  }
  return 0;
}

class Mpi {
 public:
  Mpi() { mbedtls_mpi_init(&v_); }
  ~Mpi() { mbedtls_mpi_free(&v_); }
  Mpi(const Mpi&) = delete;
  Mpi& operator=(const Mpi&) = delete;
  mbedtls_mpi* get() { return &v_; }
  std::string Bytes() const {
    std::string out(mbedtls_mpi_size(&v_), '\0');
    mbedtls_mpi_write_binary(&v_, reinterpret_cast<unsigned char*>(out.data()), out.size());
    return out;
  }

 private:
  mbedtls_mpi v_;
};

class RsaContext {
 public:
  RsaContext() { mbedtls_rsa_init(&ctx_, MBEDTLS_RSA_PKCS_V15, 0); }
  ~RsaContext() { mbedtls_rsa_free(&ctx_); }
  RsaContext(const RsaContext&) = delete;
  RsaContext& operator=(const RsaContext&) = delete;
  mbedtls_rsa_context* get() { return &ctx_; }

 private:
  mbedtls_rsa_context ctx_;
};

class PkContext {
 public:
  PkContext() { mbedtls_pk_init(&pk_); }
  ~PkContext() { mbedtls_pk_free(&pk_); }
  PkContext(const PkContext&) = delete;
  PkContext& operator=(const PkContext&) = delete;
  mbedtls_pk_context* get() { return &pk_; }

 private:
  mbedtls_pk_context pk_;
};

std::string StripLeadingZeros(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && s[i] == '\0') ++i;
  return s.substr(i);
}

const unsigned char* Ptr(const std::string& s) {
  return s.empty() ? nullptr : reinterpret_cast<const unsigned char*>(s.data());
}

RsaNumbers Export(const mbedtls_rsa_context* ctx, bool with_private) {
  Mpi n, p, q, d, e, dp, dq, qi;
  RsaNumbers out;
  if (with_private) {
    mbedtls_rsa_export(ctx, n.get(), p.get(), q.get(), d.get(), e.get());
    mbedtls_rsa_export_crt(ctx, dp.get(), dq.get(), qi.get());
    out.d = d.Bytes(), out.p = p.Bytes(), out.q = q.Bytes();
    out.dp = dp.Bytes(), out.dq = dq.Bytes(), out.qi = qi.Bytes();
  } else {
    mbedtls_rsa_export(ctx, n.get(), nullptr, nullptr, nullptr, e.get());
  }
  out.n = n.Bytes(), out.e = e.Bytes();
  return out;
}

/// Loads complete numbers (as CompleteRsaNumbers returns them) into `ctx`.
core::Result<bool> Load(const RsaNumbers& key, bool with_private, RsaContext* ctx) {
  const RsaNumbers& k = key;
  int rc = with_private ? mbedtls_rsa_import_raw(ctx->get(), Ptr(k.n), k.n.size(), Ptr(k.p), k.p.size(), Ptr(k.q),
                                                 k.q.size(), Ptr(k.d), k.d.size(), Ptr(k.e), k.e.size())
                        : mbedtls_rsa_import_raw(ctx->get(), Ptr(k.n), k.n.size(), nullptr, 0, nullptr, 0, nullptr,
                                                 0, Ptr(k.e), k.e.size());
  if (rc == 0) rc = mbedtls_rsa_complete(ctx->get());
  if (rc != 0) return KeyError("not a usable RSA key: " + MbedtlsText(rc));
  rc = with_private ? mbedtls_rsa_check_privkey(ctx->get()) : mbedtls_rsa_check_pubkey(ctx->get());
  if (rc != 0) return KeyError("inconsistent RSA key: " + MbedtlsText(rc));
  return true;
}

core::Result<std::string> WritePem(mbedtls_rsa_context* rsa, bool private_key) {
  PkContext pk;
  int rc = mbedtls_pk_setup(pk.get(), mbedtls_pk_info_from_type(MBEDTLS_PK_RSA));
  if (rc == 0) rc = mbedtls_rsa_copy(mbedtls_pk_rsa(*pk.get()), rsa);
  std::vector<unsigned char> buf(16384);
  if (rc == 0) {
    rc = private_key ? mbedtls_pk_write_key_pem(pk.get(), buf.data(), buf.size())
                     : mbedtls_pk_write_pubkey_pem(pk.get(), buf.data(), buf.size());
  }
  if (rc != 0) return KeyError("cannot write PEM: " + MbedtlsText(rc));
  return std::string(reinterpret_cast<const char*>(buf.data()));
}

}  // namespace

core::Result<RsaNumbers> CompleteRsaNumbers(const RsaNumbers& in) {
  RsaNumbers k;
  k.n = StripLeadingZeros(in.n), k.e = StripLeadingZeros(in.e), k.d = StripLeadingZeros(in.d);
  k.p = StripLeadingZeros(in.p), k.q = StripLeadingZeros(in.q);
  k.dp = StripLeadingZeros(in.dp), k.dq = StripLeadingZeros(in.dq), k.qi = StripLeadingZeros(in.qi);
  if (k.n.empty() || k.e.empty()) return KeyError("an RSA key needs a non-zero modulus n and exponent e");
  const bool with_private = !k.d.empty();
  if (!with_private && !(k.p.empty() && k.q.empty() && k.dp.empty() && k.dq.empty() && k.qi.empty())) {
    return KeyError("an RSA key with p, q, dp, dq or qi needs the private exponent d");
  }
  // With d but without p and q, mbedtls_rsa_complete derives the primes from n, e and d (RFC 7518
  // section 6.3.2 lets a JWK omit them); with only one of the two it fails, as it should.
  RsaContext ctx;
  auto loaded = Load(k, with_private, &ctx);
  if (!loaded.ok()) return loaded.error();
  RsaNumbers out = Export(ctx.get(), with_private);
  if (out.n != k.n || out.e != k.e) return KeyError("the RSA key's n or e changed when completed");
  if (with_private) {
    struct Given {
      const char* name;
      const std::string* given;
      const std::string* computed;
    };
    const Given crt[] = {{"dp", &k.dp, &out.dp}, {"dq", &k.dq, &out.dq}, {"qi", &k.qi, &out.qi}};
    for (const Given& g : crt) {
      if (!g.given->empty() && *g.given != *g.computed) {
        return KeyError(std::string("the RSA key's ") + g.name + " does not match the value computed from p, q and d");
      }
    }
  }
  return out;
}

core::Result<std::string> RsaSignSha256(const RsaNumbers& key, std::string_view message) {
  if (key.d.empty()) return KeyError("signing needs a private key (this RSA key has no d)");
  RsaContext ctx;
  auto loaded = Load(key, true, &ctx);
  if (!loaded.ok()) return loaded.error();
  unsigned char hash[32];
  mbedtls_sha256_ret(reinterpret_cast<const unsigned char*>(message.data()), message.size(), hash, 0);
  std::string sig(mbedtls_rsa_get_len(ctx.get()), '\0');
  core::Rng blinding = core::Rng::ForComponent(0, "auth:rsa-blinding");
  const int rc = mbedtls_rsa_rsassa_pkcs1_v15_sign(ctx.get(), RngBytes, &blinding, MBEDTLS_RSA_PRIVATE,
                                                   MBEDTLS_MD_SHA256, sizeof hash, hash,
                                                   reinterpret_cast<unsigned char*>(sig.data()));
  if (rc != 0) return KeyError("RSA signing failed: " + MbedtlsText(rc));
  return sig;
}

bool RsaVerifySha256(const RsaNumbers& key, std::string_view message, std::string_view signature) {
  RsaContext ctx;
  if (!Load(key, false, &ctx).ok()) return false;
  // RFC 8017 section 8.2.2 step 1: a signature is exactly as long as the modulus.
  if (signature.size() != mbedtls_rsa_get_len(ctx.get())) return false;
  unsigned char hash[32];
  mbedtls_sha256_ret(reinterpret_cast<const unsigned char*>(message.data()), message.size(), hash, 0);
  return mbedtls_rsa_rsassa_pkcs1_v15_verify(ctx.get(), nullptr, nullptr, MBEDTLS_RSA_PUBLIC, MBEDTLS_MD_SHA256,
                                             sizeof hash, hash,
                                             reinterpret_cast<const unsigned char*>(signature.data())) == 0;
}

core::Result<RsaNumbers> RsaNumbersFromPem(std::string_view pem) {
  // mbedTLS detects PEM by the NUL that must end it (and counts it in the length); DER has none.
  std::string buf(pem);
  const bool is_pem = buf.find("-----BEGIN") != std::string::npos;
  if (is_pem) buf.push_back('\0');
  const auto* data = reinterpret_cast<const unsigned char*>(buf.data());
  PkContext pk;
  bool is_private = true;
  int rc = mbedtls_pk_parse_key(pk.get(), data, buf.size(), nullptr, 0);
  if (rc != 0) {
    const int private_rc = rc;
    mbedtls_pk_free(pk.get());
    mbedtls_pk_init(pk.get());
    is_private = false;
    rc = mbedtls_pk_parse_public_key(pk.get(), data, buf.size());
    if (rc != 0) {
      if (private_rc == MBEDTLS_ERR_PK_PASSWORD_REQUIRED) return KeyError("encrypted PEM keys are not supported");
      return KeyError("not a PEM or DER key: " + MbedtlsText(private_rc) + " / " + MbedtlsText(rc));
    }
  }
  if (mbedtls_pk_get_type(pk.get()) != MBEDTLS_PK_RSA) {
    return core::Error{kUnsupportedKey, std::string("only RSA keys are supported, not ") + mbedtls_pk_get_name(pk.get()), 400};
  }
  return CompleteRsaNumbers(Export(mbedtls_pk_rsa(*pk.get()), is_private));
}

core::Result<std::string> RsaPublicKeyPem(const RsaNumbers& key) {
  RsaContext ctx;
  auto loaded = Load(key, false, &ctx);
  if (!loaded.ok()) return loaded.error();
  return WritePem(ctx.get(), false);
}

core::Result<std::string> RsaPrivateKeyPem(const RsaNumbers& key) {
  if (key.d.empty()) return KeyError("a public key has no private PEM");
  RsaContext ctx;
  auto loaded = Load(key, true, &ctx);
  if (!loaded.ok()) return loaded.error();
  return WritePem(ctx.get(), true);
}

core::Result<Key> GenerateRsaKey(core::Rng& rng, uint32_t bits, std::string kid) {
  if (bits < kMinGeneratedRsaBits || bits > kMaxGeneratedRsaBits || bits % 128 != 0) {
    return KeyError("RSA key size " + std::to_string(bits) + " must be a multiple of 128 from " +
                    std::to_string(kMinGeneratedRsaBits) + " to " + std::to_string(kMaxGeneratedRsaBits) + " bits");
  }
  RsaContext ctx;
  const int rc = mbedtls_rsa_gen_key(ctx.get(), RngBytes, &rng, bits, kRsaPublicExponent);
  if (rc != 0) return KeyError("RSA key generation failed: " + MbedtlsText(rc));
  Key key;
  key.type = KeyType::kRsa;
  key.kid = std::move(kid);
  key.rsa = Export(ctx.get(), true);
  return key;
}

}  // namespace eventlab::cloud::auth
