-- agora-cr: one request budget shared on Redis (atomic; time from the server's clock).
--
-- KEYS: grants (zset member->ms its exchange ended, or, while in flight, its deadline), holds (zset pair key->expiry ms), queue (zset waiter->
--       priority*1e13 + arrival ms), leases (zset waiter->expiry ms), blocked (string: ms), peers
--       (zset peer->expiry ms).
-- Invariant: grants in the last window + holds <= qps. A waiter is granted when its places and those
-- of every waiter ahead of it (higher priority, or same priority and earlier) fit; a waiter's member
-- starts with the places it needs ("1:" or "2:"). Waiters that stop asking vanish with their lease.
--
-- ARGV[1] = "take":   member priority need pair pair_ttl_ms use lease_ms qps window_ms peer peer_ttl_ms
--                     in_flight_ms (how long the attempt may last: it counts as ending then until "stamp")
--           -> {granted 0/1, ms to wait before asking again, live peers}
-- ARGV[1] = "leave":  member                      -> {0, 0, 0}
-- ARGV[1] = "settle": pair ok(0/1) pair_window_ms -> {0, 0, 0}
-- ARGV[1] = "slow":   ms                          -> {0, 0, 0}
-- ARGV[1] = "stamp":  member                      -> {0, 0, 0}  (its exchange ended: count from now)
-- ARGV[1] = "seed":   prefix age_ms...            -> {0, 0, 0}  (grants made while Redis was down)

local grants, holds, queue, leases, blocked, peers = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local op = ARGV[1]
local idle = 120000

if op == 'leave' then
  redis.call('ZREM', queue, ARGV[2])
  redis.call('ZREM', leases, ARGV[2])
  return {0, 0, 0}
elseif op == 'settle' then
  if ARGV[3] == '1' then
    redis.call('ZADD', holds, 'XX', now + tonumber(ARGV[4]), ARGV[2])
  else
    redis.call('ZREM', holds, ARGV[2])
  end
  return {0, 0, 0}
elseif op == 'stamp' then
  redis.call('ZADD', grants, now, ARGV[2])
  return {0, 0, 0}
elseif op == 'seed' then
  for i = 3, #ARGV do
    redis.call('ZADD', grants, now - tonumber(ARGV[i]), ARGV[2] .. ':' .. i)
  end
  redis.call('PEXPIRE', grants, idle)
  return {0, 0, 0}
elseif op == 'slow' then
  local untl = now + tonumber(ARGV[2])
  local current = tonumber(redis.call('GET', blocked) or '0')
  if untl > current then
    redis.call('SET', blocked, untl, 'PX', tonumber(ARGV[2]) + 1000)
  end
  return {0, 0, 0}
end

local member, priority, need = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local pair, pair_ttl, use = ARGV[5], tonumber(ARGV[6]), ARGV[7]
local lease, qps, window = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])
local peer, peer_ttl, in_flight = ARGV[11], tonumber(ARGV[12]), tonumber(ARGV[13])

redis.call('ZREMRANGEBYSCORE', grants, '-inf', now - window)
redis.call('ZREMRANGEBYSCORE', holds, '-inf', now)
local dead = redis.call('ZRANGEBYSCORE', leases, '-inf', now)
for i = 1, #dead do
  redis.call('ZREM', queue, dead[i])
end
if #dead > 0 then
  redis.call('ZREMRANGEBYSCORE', leases, '-inf', now)
end
redis.call('ZADD', peers, now + peer_ttl, peer)
redis.call('ZREMRANGEBYSCORE', peers, '-inf', now)
local live = redis.call('ZCARD', peers)
for i = 1, 6 do
  redis.call('PEXPIRE', KEYS[i], idle)
end

local function granted()
  redis.call('ZADD', grants, now + in_flight, member)
  redis.call('ZREM', queue, member)
  redis.call('ZREM', leases, member)
  return {1, 0, live}
end

if use ~= '' and redis.call('ZREM', holds, use) == 1 then
  return granted()
end

local free = qps - redis.call('ZCARD', grants) - redis.call('ZCARD', holds)
local untl = tonumber(redis.call('GET', blocked) or '0')
if now < untl then
  free = 0
end
redis.call('ZADD', queue, 'NX', priority * 1e13 + now, member)
redis.call('ZADD', leases, now + lease, member)
local rank = redis.call('ZRANK', queue, member)
local ahead = 0
if rank > 0 then
  local above = redis.call('ZRANGE', queue, 0, rank - 1)
  for i = 1, #above do
    ahead = ahead + tonumber(string.sub(above[i], 1, 1))
  end
end
if ahead + need <= free then
  if pair ~= '' then
    redis.call('ZADD', holds, now + pair_ttl, pair)
  end
  return granted()
end

-- not yet: ask again when the free places can next grow (the waiters ahead ask then too)
local wait
if now < untl then
  wait = untl - now
else
  wait = window
  local oldest = redis.call('ZRANGE', grants, 0, 0, 'WITHSCORES')
  if #oldest > 0 then
    wait = tonumber(oldest[2]) + window - now
    if tonumber(oldest[2]) > now and wait > 50 then
      wait = 50  -- all in flight: one may end any moment
    end
  end
  local hold = redis.call('ZRANGE', holds, 0, 0, 'WITHSCORES')
  if #hold > 0 and tonumber(hold[2]) - now < wait then
    wait = tonumber(hold[2]) - now
  end
end
if wait < 1 then
  wait = 1
end
return {0, wait, live}
