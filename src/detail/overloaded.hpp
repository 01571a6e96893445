#pragma once
// The usual helper for std::visit with one lambda per alternative.

namespace migcmd::detail {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace migcmd::detail
