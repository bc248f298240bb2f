/**
 * Generated from the backend's OpenAPI schema by `npm run api-types` (scripts/api-types.mjs).
 * Do not edit: change the API, then regenerate. `npm run test` fails when this file is stale.
 */
export interface paths {
    "/api/auth/email/verify/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Verifies the account's e-mail address with the `uid` and `token` of the link e-mailed after sign-up. The link works once, dies when the address changes and expires after `EMAIL_VERIFICATION_TIMEOUT` (3 days). */
        post: operations["auth_email_verify_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/email/verify/resend/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description E-mails the signed-in user a new verification link; nothing is sent when the address is already verified. A few per hour (`429` beyond). */
        post: operations["auth_email_verify_resend_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/google/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Signs in with a Google ID token, creating the account on the first sign-in (`created`). An existing account is linked when Google has verified its e-mail address. 503 when the server has no Google client id configured or Google's keys cannot be fetched. */
        post: operations["auth_google_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description An endpoint that is handed credentials in its body: whatever `Authorization` header the
         *     client still sends (an expired access token, say) is not looked at.
         */
        post: operations["auth_login_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description An endpoint that is handed credentials in its body: whatever `Authorization` header the
         *     client still sends (an expired access token, say) is not looked at.
         */
        post: operations["auth_logout_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["auth_me_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Changes any of the five profile fields; a body naming any other field is refused (400). */
        patch: operations["auth_me_partial_update"];
        trace?: never;
    };
    "/api/auth/me/products/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The caller's own products of every status (drafts too), newest first: their "Your products" page. */
        get: operations["auth_me_products_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/change/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Every refresh token of the account is refused from then on. A caller that sent the web app's cookie gets a new session in a new cookie; API clients sign in again. */
        post: operations["auth_password_change_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/reset/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description An endpoint that is handed credentials in its body: whatever `Authorization` header the
         *     client still sends (an expired access token, say) is not looked at.
         */
        post: operations["auth_password_reset_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/reset/confirm/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description An endpoint that is handed credentials in its body: whatever `Authorization` header the
         *     client still sends (an expired access token, say) is not looked at.
         */
        post: operations["auth_password_reset_confirm_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Spends the refresh token (from the body, or the web app's cookie when the body has none) and returns a new pair. A token that came in the cookie goes back in the cookie only: the body then has no `refresh`. Each refresh token works once; a spent one presented again revokes every token of its sign-in. A session ends `SESSION_MAX_DAYS` after sign-in however often it is refreshed. */
        post: operations["auth_refresh_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description An endpoint that is handed credentials in its body: whatever `Authorization` header the
         *     client still sends (an expired access token, say) is not looked at.
         */
        post: operations["auth_register_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description For a DRF view whose GET answers `self.shared_response(request, compute)`. Put it before
         *     the DRF base class.
         */
        get: operations["categories_list"];
        put?: never;
        /**
         * @description For a DRF view whose GET answers `self.shared_response(request, compute)`. Put it before
         *     the DRF base class.
         */
        post: operations["categories_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories/{slug}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description For a DRF view whose GET answers `self.shared_response(request, compute)`. Put it before
         *     the DRF base class.
         */
        get: operations["categories_retrieve"];
        put?: never;
        post?: never;
        /**
         * @description For a DRF view whose GET answers `self.shared_response(request, compute)`. Put it before
         *     the DRF base class.
         */
        delete: operations["categories_destroy"];
        options?: never;
        head?: never;
        /**
         * @description For a DRF view whose GET answers `self.shared_response(request, compute)`. Put it before
         *     the DRF base class.
         */
        patch: operations["categories_partial_update"];
        trace?: never;
    };
    "/api/comments/{comment_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** @description Deletes a comment (its author or staff). A comment with replies stays in the thread, `is_deleted: true` and its content emptied; one without replies is removed, and so is each deleted comment above it that this leaves without replies. */
        delete: operations["comments_destroy"];
        options?: never;
        head?: never;
        /** @description Replaces the text of the caller's comment; a deleted comment cannot be edited. */
        patch: operations["comments_partial_update"];
        trace?: never;
    };
    "/api/comments/{comment_id}/replies/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The comment's direct replies, oldest first, each with its first three replies, two levels down. A comment under a product the caller may not see does not exist for them (404). */
        get: operations["comments_replies_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/config/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description What a client needs to know before it signs anybody in. */
        get: operations["config_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feed/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Published products by the users the caller follows, newest first. */
        get: operations["feed_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Answers while the process runs; load balancers use it to route traffic. */
        get: operations["health_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The caller's notifications, newest first. */
        get: operations["notifications_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Marks the caller's notifications read: those in `ids`, or all of them. */
        post: operations["notifications_read_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/unread-count/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description How many of the caller's notifications are unread (the web app's bell). */
        get: operations["notifications_unread_count_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description For a DRF view whose GET answers `self.shared_response(request, compute)`. Put it before
         *     the DRF base class.
         */
        get: operations["products_list"];
        put?: never;
        /**
         * @description For a DRF view whose GET answers `self.shared_response(request, compute)`. Put it before
         *     the DRF base class.
         */
        post: operations["products_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{product_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description For a DRF view whose GET answers `self.shared_response(request, compute)`. Put it before
         *     the DRF base class.
         */
        get: operations["products_retrieve"];
        put?: never;
        post?: never;
        /**
         * @description For a DRF view whose GET answers `self.shared_response(request, compute)`. Put it before
         *     the DRF base class.
         */
        delete: operations["products_destroy"];
        options?: never;
        head?: never;
        /**
         * @description For a DRF view whose GET answers `self.shared_response(request, compute)`. Put it before
         *     the DRF base class.
         */
        patch: operations["products_partial_update"];
        trace?: never;
    };
    "/api/products/{product_id}/comments/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The product's top-level comments, oldest first, each with its first three replies, two levels down; `reply_count` and `replies_next` lead to the rest. */
        get: operations["products_comments_list"];
        put?: never;
        /** @description Comments on the product, or replies to one of its comments (`parent`). A product that is not published takes comments from its author alone. */
        post: operations["products_comments_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{product_id}/upvote/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["products_upvote_create"];
        delete: operations["products_upvote_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/launch-days/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The first launches of each of several days, newest day first: what the home page shows,
         *     in one request instead of one per day (and one more per quiet day in between).
         */
        get: operations["products_launch_days_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Answers 200 only when the database and the cache both answer, else 503 naming what failed. */
        get: operations["ready_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search/products/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Published products ranked by relevance: a title match outranks a description match. */
        get: operations["search_products_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search/suggest/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description At most 8 products, categories and users starting with what was typed. */
        get: operations["search_suggest_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Accepts one image (multipart field `file`) and answers where it is stored. */
        post: operations["uploads_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["users_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}/follow/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Idempotent; following yourself is a 400. The followed user is notified of a new follow. */
        post: operations["users_follow_create"];
        /** @description Idempotent; "unfollowing" yourself changes nothing and answers `following: false`. */
        delete: operations["users_follow_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}/followers/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description People linked to a user by Follow rows, newest follow first. The rows are paginated (the
         *     keyset is the row's `created_at, id`) and the person on `user_side` of each is shown.
         */
        get: operations["users_followers_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}/following/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description People linked to a user by Follow rows, newest follow first. The rows are paginated (the
         *     keyset is the row's `created_at, id`) and the person on `user_side` of each is shown.
         */
        get: operations["users_following_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}/upvotes/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Published products a user upvoted, the most recently upvoted first (their profile's tab). */
        get: operations["users_upvotes_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vitals/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Counts the Core Web Vitals that a sampled page load of the web app measured.
         *
         *     Anonymous by design: no credentials are read (a token sent is ignored) and the page is a
         *     type, never a URL. The web app sends the body with navigator.sendBeacon as a JSON Blob; a
         *     cross-site page cannot send JSON without a CORS preflight, which this API never grants.
         */
        post: operations["vitals_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Category: {
            /** @description A hex colour such as #ff6154. */
            readonly color: string;
            readonly description: string;
            /** @description An emoji or an icon name. */
            readonly icon: string;
            readonly id: number;
            readonly name: string;
            readonly products_count: number;
            readonly slug: string;
        };
        /** @description What staff send to create (`name` required) or change (any field) a category. */
        CategoryInputRequest: {
            color?: string;
            description?: string;
            icon?: string;
            name: string;
            slug?: string;
        };
        ClientConfig: {
            google_client_id: string | null;
        };
        /**
         * @description A comment with its first replies, oldest first: its first 3 direct replies, each with its
         *     own first 3, two levels down. `reply_count` is the number of its direct replies and
         *     `replies_next` the page of its replies that continues after those shown (null when all are
         *     shown). A deleted comment that has replies stays in its thread with `is_deleted: true` and
         *     empty `content`.
         */
        Comment: {
            readonly author: components["schemas"]["UserPublic"];
            readonly content: string;
            /** Format: date-time */
            readonly created_at: string;
            readonly id: number;
            readonly is_deleted: boolean;
            readonly parent: number | null;
            readonly product: number;
            readonly replies: components["schemas"]["Comment"][];
            /**
             * Format: uri
             * @description The page of the comment's direct replies that follows those in `replies`; null when all are there.
             */
            readonly replies_next: string | null;
            /** @description How many direct replies the comment has in all. */
            readonly reply_count: number;
            /** Format: date-time */
            readonly updated_at: string;
        };
        CommentCreateInputRequest: {
            content: string;
            /** Format: int64 */
            parent?: number | null;
        };
        EmailVerifyInputRequest: {
            /** @description The `token` of the e-mailed link. */
            token: string;
            /** @description The `uid` of the e-mailed link. */
            uid: string;
        };
        /** @description A refusal explained in one sentence a person can read. */
        ErrorDetail: {
            detail: string;
        };
        FollowState: {
            followers_count: number;
            following: boolean;
        };
        GoogleSignedIn: {
            /** @description The access token (JWT): send it as `Authorization: Bearer <access>`. */
            access: string;
            /** @description Whether this sign-in created the account. */
            created: boolean;
            /** @description The refresh token. Also set in the httpOnly cookie for the web app; each one works once. */
            refresh: string;
            user: components["schemas"]["Me"];
        };
        GoogleSignInInputRequest: {
            /** @description The ID token Google gave the client (a JWT). */
            id_token: string;
        };
        Health: {
            status: string;
        };
        Highlight: {
            snippet: components["schemas"]["HighlightSegment"][];
            title: components["schemas"]["HighlightSegment"][];
        };
        HighlightSegment: {
            match: boolean;
            text: string;
        };
        ImageSource: {
            /** @description The copies of that type, as an HTML `srcset`: `url 160w, url 480w, ...`. */
            srcset: string;
            /** @description The copies' media type, e.g. image/avif, image/webp, image/jpeg. */
            type: string;
        };
        /**
         * @description Smaller copies of an uploaded image, for an HTML `<picture>`: one `<source>` per entry of
         *     `sources`, `width` and `height` on the `<img>` so the page keeps its layout while it loads.
         */
        ImageVariants: {
            /** @description The URL of the largest copy in the last format, for an `<img src>`. */
            fallback: string;
            /** @description The original image's height in pixels. */
            height: number;
            /** @description One entry per format, the most compact first (HTML `<picture>` `<source>`s); the last is JPEG (PNG for an image with transparency), which every browser reads. */
            sources: components["schemas"]["ImageSource"][];
            /** @description The original image's width in pixels (with `height`, its aspect ratio). */
            width: number;
        };
        LaunchDay: {
            /**
             * Format: date
             * @description The day (UTC).
             */
            date: string;
            /**
             * Format: uri
             * @description The rest of that day's launches (`GET /api/products/?date=…`), or null.
             */
            next: string | null;
            /** @description Its first launches, in the asked ordering. */
            results: components["schemas"]["Product"][];
        };
        LaunchDays: {
            /**
             * Format: date
             * @description The latest earlier day with launches: pass it as `date` for the days that follow; null at the end.
             */
            before: string | null;
            days: components["schemas"]["LaunchDay"][];
        };
        LoginInputRequest: {
            email?: string;
            password: string;
            username?: string;
        };
        /** @description The signed-in user: the public fields, the e-mail address and whether it is verified. */
        Me: {
            readonly avatar: string;
            /** @description Smaller copies of `avatar` for a `srcset`; null when there are none. */
            readonly avatar_variants: components["schemas"]["ImageVariants"] | null;
            readonly bio: string;
            /** Format: date-time */
            readonly created_at: string;
            /**
             * Email address
             * Format: email
             */
            readonly email: string;
            /**
             * Email address verified
             * @description Whether the person proved they read mail sent to `email` (the e-mailed link, a password reset or Google sign-in).
             */
            readonly email_verified: boolean;
            readonly first_name: string;
            readonly followers_count: number;
            readonly following_count: number;
            readonly id: number;
            readonly is_following: boolean;
            readonly last_name: string;
            readonly products_count: number;
            /** @description Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only. */
            readonly username: string;
            /** @description Their web address (http or https), or "" when they gave none. */
            readonly website: string;
        };
        /**
         * @description Something another user did that concerns the caller: a comment on their product, a reply
         *     to their comment, an upvote of their product, or following them.
         */
        Notification: {
            readonly actor: components["schemas"]["UserPublic"];
            readonly comment: number | null;
            /** Format: date-time */
            readonly created_at: string;
            readonly id: number;
            readonly product: number | null;
            /** @description The title of `product`, for saying which product this is about; null without a product or when the caller may no longer see it. */
            readonly product_title: string | null;
            readonly read: boolean;
            readonly verb: components["schemas"]["NotificationVerbEnum"];
        };
        NotificationsReadInputRequest: {
            ids?: number[];
        };
        NotificationUnreadCount: {
            readonly unread: number;
        };
        /**
         * @description * `comment` - commented on your product
         *     * `reply` - replied to your comment
         *     * `upvote` - upvoted your product
         *     * `follow` - started following you
         * @enum {string}
         */
        NotificationVerbEnum: "comment" | "reply" | "upvote" | "follow";
        NotReady: {
            checks: {
                [key: string]: string;
            };
            status: string;
        };
        PaginatedCategoryList: {
            /**
             * Format: uri
             * @example http://api.example.org/api/products/?cursor=cD0yMDI2
             */
            next: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/api/products/?cursor=cD0yMDI2
             */
            previous: string | null;
            results: components["schemas"]["Category"][];
        };
        PaginatedCommentList: {
            /**
             * Format: uri
             * @example http://api.example.org/api/products/?cursor=cD0yMDI2
             */
            next: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/api/products/?cursor=cD0yMDI2
             */
            previous: string | null;
            results: components["schemas"]["Comment"][];
        };
        PaginatedNotificationList: {
            /**
             * Format: uri
             * @example http://api.example.org/api/products/?cursor=cD0yMDI2
             */
            next: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/api/products/?cursor=cD0yMDI2
             */
            previous: string | null;
            results: components["schemas"]["Notification"][];
        };
        PaginatedProductList: {
            /**
             * Format: uri
             * @example http://api.example.org/api/products/?cursor=cD0yMDI2
             */
            next: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/api/products/?cursor=cD0yMDI2
             */
            previous: string | null;
            results: components["schemas"]["Product"][];
        };
        PaginatedProductSearchResultList: {
            /**
             * Format: uri
             * @example http://api.example.org/api/products/?cursor=cD0yMDI2
             */
            next: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/api/products/?cursor=cD0yMDI2
             */
            previous: string | null;
            results: components["schemas"]["ProductSearchResult"][];
        };
        PaginatedUserPublicList: {
            /**
             * Format: uri
             * @example http://api.example.org/api/products/?cursor=cD0yMDI2
             */
            next: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/api/products/?cursor=cD0yMDI2
             */
            previous: string | null;
            results: components["schemas"]["UserPublic"][];
        };
        PasswordChangeInputRequest: {
            new_password: string;
            old_password: string;
        };
        PasswordResetConfirmInputRequest: {
            new_password: string;
            token: string;
            uid: string;
        };
        PasswordResetInputRequest: {
            /** Format: email */
            email: string;
        };
        /** @description What staff send to create (`name` required) or change (any field) a category. */
        PatchedCategoryInputRequest: {
            color?: string;
            description?: string;
            icon?: string;
            name?: string;
            slug?: string;
        };
        PatchedCommentUpdateInputRequest: {
            content?: string;
        };
        /** @description What a maker sends to change a product (PATCH: any of the fields). */
        PatchedProductInputRequest: {
            category?: string;
            description?: string;
            gallery?: string[];
            image?: string;
            status?: components["schemas"]["ProductStatusEnum"];
            tagline?: string;
            tags?: string[];
            title?: string;
            url?: string;
        };
        /** @description The fields a person may change about themselves; anything else in the body is refused. */
        PatchedProfileUpdateInputRequest: {
            /** @description The URL of an image you uploaded through /api/uploads/, or "" to remove it. */
            avatar?: string;
            bio?: string;
            first_name?: string;
            last_name?: string;
            website?: string;
        };
        Product: {
            readonly author: components["schemas"]["UserPublic"];
            readonly category: components["schemas"]["Category"];
            readonly comment_count: number;
            /** Format: date-time */
            readonly created_at: string;
            readonly description: string;
            readonly gallery: string[];
            readonly has_upvoted: boolean;
            readonly id: number;
            readonly image: string;
            /** @description Smaller copies of `image` for a `srcset`; null when there are none. */
            readonly image_variants: components["schemas"]["ImageVariants"] | null;
            /** Format: date-time */
            readonly published_at: string | null;
            readonly slug: string;
            readonly status: components["schemas"]["ProductStatusEnum"];
            readonly tagline: string;
            readonly tags: string[];
            readonly title: string;
            /** Format: date-time */
            readonly updated_at: string;
            readonly upvote_count: number;
            /** Format: uri */
            readonly url: string;
            readonly view_count: number;
        };
        /** @description What a maker sends to launch a product: published at once unless `status` is "draft". */
        ProductCreateInputRequest: {
            category: string;
            description?: string;
            gallery?: string[];
            image?: string;
            status?: components["schemas"]["ProductCreateInputStatusEnum"];
            tagline?: string;
            tags?: string[];
            title: string;
            url?: string;
        };
        /**
         * @description * `draft` - draft
         *     * `published` - published
         * @enum {string}
         */
        ProductCreateInputStatusEnum: "draft" | "published";
        /**
         * @description A Product plus `highlight`: its title and a snippet of its description split into
         *     segments, the words that matched marked `match: true`.
         */
        ProductSearchResult: {
            readonly author: components["schemas"]["UserPublic"];
            readonly category: components["schemas"]["Category"];
            readonly comment_count: number;
            /** Format: date-time */
            readonly created_at: string;
            readonly description: string;
            readonly gallery: string[];
            readonly has_upvoted: boolean;
            readonly highlight: components["schemas"]["Highlight"];
            readonly id: number;
            readonly image: string;
            /** @description Smaller copies of `image` for a `srcset`; null when there are none. */
            readonly image_variants: components["schemas"]["ImageVariants"] | null;
            /** Format: date-time */
            readonly published_at: string | null;
            readonly slug: string;
            readonly status: components["schemas"]["ProductStatusEnum"];
            readonly tagline: string;
            readonly tags: string[];
            readonly title: string;
            /** Format: date-time */
            readonly updated_at: string;
            readonly upvote_count: number;
            /** Format: uri */
            readonly url: string;
            readonly view_count: number;
        };
        /**
         * @description * `draft` - Draft
         *     * `published` - Published
         *     * `archived` - Archived
         * @enum {string}
         */
        ProductStatusEnum: "draft" | "published" | "archived";
        Ready: {
            checks: {
                [key: string]: string;
            };
            status: string;
        };
        RefreshedTokens: {
            access: string;
            /** @description Only when the spent token came in the body. */
            refresh?: string;
        };
        RefreshInputRequest: {
            /** @description The refresh token; the web app may leave it out and send its cookie instead. */
            refresh?: string;
        };
        RegisterInputRequest: {
            /** Format: email */
            email: string;
            password: string;
            username: string;
        };
        SignedIn: {
            /** @description The access token (JWT): send it as `Authorization: Bearer <access>`. */
            access: string;
            /** @description The refresh token. Also set in the httpOnly cookie for the web app; each one works once. */
            refresh: string;
            user: components["schemas"]["Me"];
        };
        SuggestedCategory: {
            color: string;
            icon: string;
            name: string;
            slug: string;
        };
        SuggestedProduct: {
            id: number;
            image: string;
            slug: string;
            tagline: string;
            title: string;
        };
        SuggestedUser: {
            avatar: string;
            first_name: string;
            last_name: string;
            username: string;
        };
        Suggestions: {
            categories: components["schemas"]["SuggestedCategory"][];
            products: components["schemas"]["SuggestedProduct"][];
            users: components["schemas"]["SuggestedUser"][];
        };
        Upload: {
            readonly content_type: string;
            readonly height: number;
            readonly size: number;
            readonly url: string;
            readonly width: number;
        };
        UploadInputRequest: {
            /** Format: binary */
            file: string;
        };
        UpvoteResult: {
            upvote_count: number;
            upvoted: boolean;
        };
        /**
         * @description A user as anybody may see them. Never the email.
         *
         *     `is_following` comes from the `is_following` attribute that the selector annotated
         *     (users.selectors.is_following_annotation); it is false when absent, as for anonymous callers.
         */
        UserPublic: {
            readonly avatar: string;
            /** @description Smaller copies of `avatar` for a `srcset`; null when there are none. */
            readonly avatar_variants: components["schemas"]["ImageVariants"] | null;
            readonly bio: string;
            /** Format: date-time */
            readonly created_at: string;
            readonly first_name: string;
            readonly followers_count: number;
            readonly following_count: number;
            readonly id: number;
            readonly is_following: boolean;
            readonly last_name: string;
            readonly products_count: number;
            /** @description Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only. */
            readonly username: string;
            /** @description Their web address (http or https), or "" when they gave none. */
            readonly website: string;
        };
        /** @description What was wrong with the request: for each field of the body or query that was refused, the messages that say why (`{"title": ["Ensure this field has no more than 120 characters."]}`); or, when no single field is to blame, one message under `detail`. */
        ValidationErrors: {
            detail?: string;
        } & {
            [key: string]: string[];
        };
        /** @description What one page load reports: its page type and its metrics, each at most once. */
        VitalsBeaconRequest: {
            metrics: {
                /** @enum {string} */
                name: "CLS" | "FCP" | "INP" | "LCP" | "TTFB";
                /** @description Milliseconds for LCP, INP, FCP and TTFB (at most 60000); CLS has no unit (at most 10). */
                value: number;
            }[];
            page: components["schemas"]["WebVitalsPageEnum"];
        };
        /**
         * @description * `home` - HOME
         *     * `product` - PRODUCT
         *     * `search` - SEARCH
         *     * `profile` - PROFILE
         *     * `other` - OTHER
         * @enum {string}
         */
        WebVitalsPageEnum: "home" | "product" | "search" | "profile" | "other";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    auth_email_verify_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailVerifyInputRequest"];
            };
        };
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A bad, used or expired link (under `token`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Sent from a page of another website: only Vitrin's own pages may call this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    auth_email_verify_resend_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Sent from a page of another website: only Vitrin's own pages may call this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    auth_google_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GoogleSignInInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoogleSignedIn"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Forged, expired, for another audience, or unverified e-mail. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Sent from a page of another website: only Vitrin's own pages may call this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Google sign-in is not set up on this server, or Google is unreachable. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    auth_login_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Wrong credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Sent from a page of another website: only Vitrin's own pages may call this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    auth_logout_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshInputRequest"];
            };
        };
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Invalid, expired or used token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Sent from a page of another website: only Vitrin's own pages may call this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    auth_me_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    auth_me_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedProfileUpdateInputRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["PatchedProfileUpdateInputRequest"];
                "multipart/form-data": components["schemas"]["PatchedProfileUpdateInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    auth_me_products_list: {
        parameters: {
            query?: {
                /** @description The position to continue from: take it from `next` or `previous`. */
                cursor?: string;
                /** @description Items per page, 1 to 100 (20 unless given). */
                page_size?: number;
                /**
                 * @description Only products with this status: draft, published or archived.
                 *
                 *     * `draft` - Draft
                 *     * `published` - Published
                 *     * `archived` - Archived
                 */
                status?: "archived" | "draft" | "published";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedProductList"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    auth_password_change_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChangeInputRequest"];
            };
        };
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Sent from a page of another website: only Vitrin's own pages may call this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    auth_password_reset_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetInputRequest"];
            };
        };
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Sent from a page of another website: only Vitrin's own pages may call this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    auth_password_reset_confirm_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmInputRequest"];
            };
        };
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Sent from a page of another website: only Vitrin's own pages may call this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    auth_refresh_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefreshedTokens"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Invalid, expired or used token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Sent from a page of another website: only Vitrin's own pages may call this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    auth_register_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Sent from a page of another website: only Vitrin's own pages may call this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    categories_list: {
        parameters: {
            query?: {
                /** @description The position to continue from: take it from `next` or `previous`. */
                cursor?: string;
                /** @description Items per page, 1 to 100 (20 unless given). */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedCategoryList"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description The access token sent is invalid or expired (send none to read anonymously). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    categories_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CategoryInputRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CategoryInputRequest"];
                "multipart/form-data": components["schemas"]["CategoryInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Category"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    categories_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Category"];
                };
            };
            /** @description The access token sent is invalid or expired (send none to read anonymously). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    categories_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The category still has products: move them first. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    categories_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedCategoryInputRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["PatchedCategoryInputRequest"];
                "multipart/form-data": components["schemas"]["PatchedCategoryInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Category"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    comments_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                comment_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    comments_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                comment_id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedCommentUpdateInputRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["PatchedCommentUpdateInputRequest"];
                "multipart/form-data": components["schemas"]["PatchedCommentUpdateInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    comments_replies_list: {
        parameters: {
            query?: {
                /** @description The position to continue from: take it from `next` or `previous`. */
                cursor?: string;
                /** @description Items per page, 1 to 100 (20 unless given). */
                page_size?: number;
            };
            header?: never;
            path: {
                comment_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedCommentList"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description The access token sent is invalid or expired (send none to read anonymously). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    config_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientConfig"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    feed_list: {
        parameters: {
            query?: {
                /** @description The position to continue from: take it from `next` or `previous`. */
                cursor?: string;
                /** @description Items per page, 1 to 100 (20 unless given). */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedProductList"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    health_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    notifications_list: {
        parameters: {
            query?: {
                /** @description The position to continue from: take it from `next` or `previous`. */
                cursor?: string;
                /** @description Items per page, 1 to 100 (20 unless given). */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedNotificationList"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    notifications_read_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["NotificationsReadInputRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["NotificationsReadInputRequest"];
                "multipart/form-data": components["schemas"]["NotificationsReadInputRequest"];
            };
        };
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    notifications_unread_count_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationUnreadCount"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    products_list: {
        parameters: {
            query?: {
                /** @description Only products launched by the user with this username. */
                author?: string;
                /** @description Only products of the category with this slug. */
                category?: string;
                /** @description The position to continue from: take it from `next` or `previous`. */
                cursor?: string;
                /** @description Only products published on this day (UTC), as YYYY-MM-DD. */
                date?: string;
                /**
                 * @description hot (the default): upvotes decayed by age; new: newest first; top: most upvoted first.
                 *
                 *     * `hot` - hot
                 *     * `new` - new
                 *     * `top` - top
                 */
                ordering?: "hot" | "new" | "top";
                /** @description Items per page, 1 to 100 (20 unless given). */
                page_size?: number;
                /** @description Only products with this tag. */
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedProductList"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description The access token sent is invalid or expired (send none to read anonymously). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    products_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductCreateInputRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["ProductCreateInputRequest"];
                "multipart/form-data": components["schemas"]["ProductCreateInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    products_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The access token sent is invalid or expired (send none to read anonymously). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    products_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    products_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedProductInputRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["PatchedProductInputRequest"];
                "multipart/form-data": components["schemas"]["PatchedProductInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    products_comments_list: {
        parameters: {
            query?: {
                /** @description The position to continue from: take it from `next` or `previous`. */
                cursor?: string;
                /** @description Items per page, 1 to 100 (20 unless given). */
                page_size?: number;
            };
            header?: never;
            path: {
                product_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedCommentList"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description The access token sent is invalid or expired (send none to read anonymously). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    products_comments_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentCreateInputRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["CommentCreateInputRequest"];
                "multipart/form-data": components["schemas"]["CommentCreateInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The product is not published and the caller is not its author. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    products_upvote_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpvoteResult"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    products_upvote_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpvoteResult"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    products_launch_days_retrieve: {
        parameters: {
            query?: {
                /** @description The first day (UTC, YYYY-MM-DD; today unless given). Shown even without launches when it is today; otherwise the latest day with launches up to it comes first. */
                date?: string;
                /** @description How many days with launches to return. */
                days?: number;
                /**
                 * @description The order of each day's launches.
                 *
                 *     * `hot` - hot
                 *     * `new` - new
                 *     * `top` - top
                 */
                ordering?: "hot" | "new" | "top";
                /** @description Launches shown per day. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LaunchDays"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description The access token sent is invalid or expired (send none to read anonymously). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    ready_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ready"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotReady"];
                };
            };
        };
    };
    search_products_list: {
        parameters: {
            query: {
                category?: string;
                /** @description The position to continue from: take it from `next` or `previous`. */
                cursor?: string;
                /**
                 * @description * `relevance` - relevance
                 *     * `new` - new
                 *     * `top` - top
                 */
                ordering?: "relevance" | "new" | "top";
                /** @description Items per page, 1 to 100 (20 unless given). */
                page_size?: number;
                q: string;
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedProductSearchResultList"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description The access token sent is invalid or expired (send none to read anonymously). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    search_suggest_retrieve: {
        parameters: {
            query: {
                /** @description What has been typed so far. */
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Suggestions"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description The access token sent is invalid or expired (send none to read anonymously). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    uploads_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    users_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Any letter case. */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPublic"];
                };
            };
            /** @description The access token sent is invalid or expired (send none to read anonymously). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    users_follow_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Any letter case. */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowState"];
                };
            };
            /** @description You cannot follow yourself. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    users_follow_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Any letter case. */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowState"];
                };
            };
            /** @description Not signed in, or the access token sent is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    users_followers_list: {
        parameters: {
            query?: {
                /** @description The position to continue from: take it from `next` or `previous`. */
                cursor?: string;
                /** @description Items per page, 1 to 100 (20 unless given). */
                page_size?: number;
            };
            header?: never;
            path: {
                /** @description Any letter case. */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedUserPublicList"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description The access token sent is invalid or expired (send none to read anonymously). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    users_following_list: {
        parameters: {
            query?: {
                /** @description The position to continue from: take it from `next` or `previous`. */
                cursor?: string;
                /** @description Items per page, 1 to 100 (20 unless given). */
                page_size?: number;
            };
            header?: never;
            path: {
                /** @description Any letter case. */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedUserPublicList"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description The access token sent is invalid or expired (send none to read anonymously). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    users_upvotes_list: {
        parameters: {
            query?: {
                /** @description The position to continue from: take it from `next` or `previous`. */
                cursor?: string;
                /** @description Items per page, 1 to 100 (20 unless given). */
                page_size?: number;
            };
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedProductList"];
                };
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description The access token sent is invalid or expired (send none to read anonymously). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Nothing is at this address (also: a draft that is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    vitals_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VitalsBeaconRequest"];
            };
        };
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was refused: each field's messages say why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrors"];
                };
            };
            /** @description The body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description The body's content type is not one this endpoint reads. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Too many requests: wait the seconds in `Retry-After`. */
            429: {
                headers: {
                    /** @description Seconds until the rate limit lets this client through again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
}
