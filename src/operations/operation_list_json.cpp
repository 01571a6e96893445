#include "migcmd/operation_json.hpp"

#include "operations/operation_json.hpp"

namespace migcmd {

std::string to_json(const OperationList& operations) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& op : operations) array.push_back(detail::operation_json(op));
  return array.dump(2) + "\n";
}

}  // namespace migcmd
