-- POST /api/v1/orders as one of the seeded customers, 2 lines of ample stock, a new Idempotency-Key every request
-- (round + thread id + counter), paid with tok_visa.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local products = tonumber(os.getenv("BENCH_PRODUCTS"))
local round = os.getenv("BENCH_ROUND")
local tokens = {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do
  if #line > 0 then table.insert(tokens, line) end
end
local sent = 0
local body = '{"lines":[{"sku":"BENCH-%04d","quantity":1},{"sku":"BENCH-%04d","quantity":1}],'
  .. '"shippingAddress":{"name":"Bench","line1":"1 Bench St","city":"London","postalCode":"N1 7AA","country":"GB"},'
  .. '"paymentToken":"tok_visa"}'

function init(args)
  math.randomseed(os.time() + tid)
end

function request()
  sent = sent + 1
  local first = math.random(1, math.floor(products / 2))
  local headers = {
    ["Authorization"] = "Bearer " .. tokens[math.random(1, #tokens)],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", round, tid, sent),
  }
  return wrk.format("POST", "/api/v1/orders", headers, string.format(body, first, first + math.floor(products / 2)))
end
