-- Cycles through seg_001.m4s .. seg_100.m4s under the path prefix given after "--".
local prefix
local n = 0
local files = 100

function init(args)
  prefix = args[1]
  if args[2] then files = tonumber(args[2]) end
end

function request()
  n = n % files + 1
  return wrk.format("GET", string.format("%s/seg_%03d.m4s", prefix, n))
end
