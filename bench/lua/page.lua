-- GET /api/v1/products?page=N over the seeded catalog (20 a page).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local pages = tonumber(os.getenv("BENCH_PAGES"))

function init(args)
  math.randomseed(os.time() + tid)
end

function request()
  return wrk.format("GET", string.format("/api/v1/products?page=%d", math.random(0, pages - 1)))
end
