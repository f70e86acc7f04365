# The benchmark's shop, seeded through its API as its staff and customers would: sourced by bench/run and
# bench/compare. Needs PRODUCTS, CUSTOMERS, ADMIN_EMAIL and ADMIN_PASSWORD.

token() {  # token API EMAIL PASSWORD: an access token
  curl -sf -X POST "$1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"$3\"}" | jq -r .accessToken
}
seed_product() {  # seed_product API ADMIN_TOKEN N: BENCH-000N at 10.00 EUR, 1,000,000 in stock
  local sku; sku=$(printf 'BENCH-%04d' "$3")
  curl -sf -o /dev/null -X POST "$1/products" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -d "{\"sku\":\"$sku\",\"name\":\"Bench product $3\",\"description\":\"A product of the benchmark.\",\"price\":{\"amount\":\"10.00\",\"currency\":\"EUR\"}}"
  curl -sf -o /dev/null -X POST "$1/inventory/$sku/restock" -H "Authorization: Bearer $2" \
    -H 'Content-Type: application/json' -d '{"quantity":1000000}'
}
seed_customer() {  # seed_customer API N DIRECTORY: customerN@bench.local, its token in DIRECTORY/token.N
  curl -sf -o /dev/null -X POST "$1/customers" -H 'Content-Type: application/json' \
    -d "{\"email\":\"customer$2@bench.local\",\"password\":\"bench-password\",\"name\":\"Bench customer $2\"}"
  token "$1" "customer$2@bench.local" bench-password > "$3/token.$2"
}
seed() {  # seed API DIRECTORY: PRODUCTS products, CUSTOMERS customers, their tokens one a line in DIRECTORY/tokens.txt
  local admin; admin=$(token "$1" "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
  export -f token seed_product seed_customer
  seq "$PRODUCTS" | xargs -P 4 -I{} bash -c 'seed_product "$@"' _ "$1" "$admin" {}
  seq "$CUSTOMERS" | xargs -P 4 -I{} bash -c 'seed_customer "$@"' _ "$1" {} "$2"
  cat "$2"/token.* > "$2/tokens.txt"
}
