#pragma once
// Everything a program needs to describe and render migrations. Providers add their own headers
// (migcmd/providers/<database>.hpp).

#include "migcmd/apply_operation.hpp"
#include "migcmd/builder.hpp"
#include "migcmd/capabilities.hpp"
#include "migcmd/connection.hpp"
#include "migcmd/design_time.hpp"
#include "migcmd/dialect.hpp"
#include "migcmd/error.hpp"
#include "migcmd/migration.hpp"
#include "migcmd/migration_registry.hpp"
#include "migcmd/model.hpp"
#include "migcmd/operations.hpp"
#include "migcmd/scaffold.hpp"
#include "migcmd/schema.hpp"
#include "migcmd/schema_json.hpp"
#include "migcmd/snapshot.hpp"
#include "migcmd/sql_command.hpp"
#include "migcmd/url.hpp"
#include "migcmd/validate.hpp"
#include "migcmd/value.hpp"
#include "migcmd/version.hpp"
