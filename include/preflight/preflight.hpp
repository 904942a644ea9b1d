// Umbrella header: everything a program linking preflight needs.
#pragma once

#include "preflight/batch.hpp"
#include "preflight/checker.hpp"
#include "preflight/finding.hpp"
#include "preflight/fix.hpp"
#include "preflight/formats.hpp"
#include "preflight/libvips.hpp"
#include "preflight/model.hpp"
#include "preflight/policy.hpp"
#include "preflight/report.hpp"
#include "preflight/result.hpp"
#include "preflight/version.hpp"
