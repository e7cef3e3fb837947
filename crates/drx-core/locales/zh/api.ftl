# 个人 API 令牌（账户页面）
api-tokens = API 令牌
api-tokens-help = 令牌让程序以您的身份、按您的权限使用 drx API（/api/v1）。请以 "Authorization: Bearer <令牌>" 发送。不再使用的令牌请撤销。
api-token-name = 令牌名称
api-token-create = 创建令牌
api-token-created = 新令牌如下。请立即复制：它只显示这一次。
api-token-revoke = 撤销
api-token-revoked = 已撤销
api-token-revoked-ok = 令牌已撤销；使用它的程序从现在起将被拒绝。
api-token-not-found = 您没有这个有效令牌；未做任何更改。
api-token-none = 您还没有 API 令牌。
api-token-last-used = 最近使用
api-token-created-at = 创建于
api-token-never = 从未
api-token-too-many = 有效令牌过多（最多 { $max } 个）。请先撤销一个。
api-docs = API 说明（OpenAPI）
