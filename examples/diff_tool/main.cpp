// diff_tool: a developer tool that holds the application's schema as a C++ model and writes the
// next migration from the difference between that model and the snapshot of what the existing
// migrations build, as `dotnet ef migrations add` does. The developer edits the model, runs
// `diff_tool add NAME`, reviews the generated C++ migration and commits it with the snapshot.
//
//   diff_tool [--model v1|v2] --dir DIR VERB [ARGS]
//     VERB: add NAME | diff [--format cpp|json|sql] | check | snapshot   (see design_time.hpp)
//
// Two versions of the model live side by side here so that a test can show a model change; a
// real application has one model.hpp that it edits, and links the generated migrations.hpp so
// that its own startup (and this tool's `snapshot`) know them.

#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "migcmd/design_time.hpp"
#include "migcmd/model.hpp"
#include "migcmd/providers/sqlite.hpp"

namespace {

// The shop's schema, release 1: products and their stock per warehouse.
migcmd::Model shop_model_v1() {
  migcmd::Model model("shop");
  model.table("products", [](migcmd::TableBuilder& t) {
    t.column<std::int64_t>("id").identity();
    t.column<std::string>("sku").max_length(40).not_null();
    t.column<std::string>("title").max_length(200).not_null();
    t.column("price", migcmd::Type::decimal(10, 2)).not_null();
    t.primary_key({"id"}, "pk_products");
  });
  model.index("ix_products_sku", "products", {"sku"}).unique();
  model.table("stock", [](migcmd::TableBuilder& t) {
    t.column<std::int64_t>("product_id").not_null();
    t.column<std::string>("warehouse").max_length(20).not_null();
    t.column<std::int32_t>("quantity").not_null().default_value(0);
    t.primary_key({"product_id", "warehouse"}, "pk_stock");
  });
  model.foreign_key("fk_stock_product", "stock", {"product_id"}, "products", {"id"});
  return model;
}

// Release 2 changes one thing: products can be discontinued.
migcmd::Model shop_model_v2() {
  migcmd::Model model = shop_model_v1();
  model.builder()
      .add_column("products", "discontinued", migcmd::Type::boolean())
      .not_null()
      .default_value(false);
  return model;
}

}  // namespace

int main(int argc, char** argv) {
  // Takes the example's own --model and --dir; everything else goes to design_time.
  std::vector<std::string> args;
  std::string version = "v1";
  migcmd::DesignTime setup;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--model" && i + 1 < argc) {
      version = argv[++i];
    } else if (arg == "--dir" && i + 1 < argc) {
      setup.directory = argv[++i];
    } else {
      args.push_back(arg);
    }
  }
  if (version != "v1" && version != "v2") {
    std::fprintf(stderr, "diff_tool: --model is v1 or v2\n");
    return 2;
  }
  setup.model = version == "v1" ? shop_model_v1() : shop_model_v2();
  setup.cpp_namespace = "shop::migrations";
  // The database the shop runs on: types are compared as SQLite sees them.
  setup.provider = migcmd::sqlite::make_provider();
  return migcmd::run_design_time(args, setup, std::cout, std::cerr, "diff_tool");
}
