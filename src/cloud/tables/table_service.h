// The table service: PutItem, GetItem, UpdateItem, DeleteItem, Query and Scan with DynamoDB's
// request and answer shapes, errors and permission checks.
#pragma once

#include "cloud/messaging.h"
#include "cloud/tables/expressions.h"
#include "cloud/tables/table_models.h"

namespace eventlab::cloud::tables {

class TableService : public CopyableService<TableService> {
 public:
  /// Loads the config's initial items (already validated by the loader).
  explicit TableService(const TableConfig* config);

  /// Handles table.put_item, table.get_item, table.update_item, table.delete_item, table.query
  /// and table.scan.
  void Deliver(ServiceContext& ctx, const core::Event& event) override;
  Json State() const override;

  /// The recorded changes, oldest first (for table streams).
  const std::deque<ChangeRecord>& Changes() const { return store_.changes; }

 private:
  core::Result<Json> PutItem(ServiceContext& ctx, const Json& args);
  core::Result<Json> GetItem(const Json& args);
  core::Result<Json> UpdateItem(ServiceContext& ctx, const Json& args);
  core::Result<Json> DeleteItem(ServiceContext& ctx, const Json& args);
  core::Result<Json> Query(const Json& args);
  core::Result<Json> Scan(const Json& args);

  /// The key of a full item, or "Missing the key ... in the item" / type mismatch errors.
  core::Result<ItemKey> KeyOfItem(const Json& item) const;
  /// The key from a Key argument: exactly the key attributes with their types.
  core::Result<ItemKey> KeyFromArgument(const Json& key, const char* error_message) const;
  Json KeyAttributes(const ItemKey& key) const;
  /// Paging, filtering and the answer shared by Query and Scan over `keys` in visiting order.
  core::Result<Json> Page(const Json& args, const std::vector<const ItemKey*>& keys,
                          const std::shared_ptr<const Condition>& filter) const;
  void Record(ServiceContext& ctx, const ItemKey& key, const Json* old_item, const Json* new_item);
  /// Table streams (table_stream.cpp): a mapping's stream.poll, and answering held polls after a change.
  void PollStream(ServiceContext& ctx, const core::Event& event);
  void StreamChanged(ServiceContext& ctx);
  void AnswerStreamPoll(ServiceContext& ctx, const StreamPoll& poll);
  std::string StreamShardId(const Environment& env) const;
  Json StreamState() const;
  std::string Arn(const Environment& env) const;
  std::string Self() const { return Address("table", config_->name); }

  const TableConfig* config_;
  TableStore store_;
};

}  // namespace eventlab::cloud::tables
