// The request builder for kinesis.get_records, whose target stream is named inside its iterator.
#pragma once

#include "cloud/messaging.h"

namespace eventlab::cloud::streams {

/// A kinesis.get_records request {iterator, limit?} to the stream the iterator belongs to; an
/// InvalidArgumentException when the iterator is not one.
core::Result<core::EventSpec> BuildGetRecordsRequest(ServiceContext& ctx, const std::string& caller, const Json& args);

}  // namespace eventlab::cloud::streams
