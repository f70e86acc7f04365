-- GET /api/v1/products/{sku} for a random seeded product.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local products = tonumber(os.getenv("BENCH_PRODUCTS"))

function init(args)
  math.randomseed(os.time() + tid)
end

function request()
  return wrk.format("GET", string.format("/api/v1/products/BENCH-%04d", math.random(1, products)))
end
