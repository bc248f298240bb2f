"""The words of the demo site: categories, makers, launches and what people say about them.

Plain data, no database: `seed_demo` turns it into rows and `generate_data` borrows the
categories and the vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass

DEMO_USERNAME = "demo"
# Every demo account shares this password; it is printed by `seed_demo` and in the README.
DEMO_PASSWORD = "vitrin-demo-2026"  # noqa: S105 - a published demo credential, not a secret
DEMO_EMAIL_DOMAIN = "demo.vitrin.test"


@dataclass(frozen=True)
class CategorySpec:
    name: str
    slug: str
    icon: str
    color: str
    description: str


@dataclass(frozen=True)
class MakerSpec:
    username: str
    first_name: str
    last_name: str
    bio: str
    website: str


@dataclass(frozen=True)
class ProductSpec:
    title: str
    tagline: str
    description: str
    tags: tuple[str, ...]


CATEGORIES: tuple[CategorySpec, ...] = (
    CategorySpec(
        "Developer Tools",
        "developer-tools",
        "🛠️",
        "#6366f1",
        "Editors, linters, CI helpers and everything else that gets code from a laptop into production.",
    ),
    CategorySpec(
        "Productivity",
        "productivity",
        "⚡",
        "#f59e0b",
        "Calendars, notes, focus timers and inboxes that give people their afternoons back.",
    ),
    CategorySpec(
        "Design",
        "design",
        "🎨",
        "#ec4899",
        "Tools for interface designers, illustrators and anyone who cares how things look.",
    ),
    CategorySpec(
        "AI",
        "ai",
        "🤖",
        "#8b5cf6",
        "Products built on machine learning: assistants, generators, classifiers and the tooling behind them.",
    ),
    CategorySpec(
        "Marketing",
        "marketing",
        "📣",
        "#ef4444",
        "Newsletters, analytics, social scheduling and landing pages for getting the word out.",
    ),
    CategorySpec(
        "Fintech",
        "fintech",
        "💸",
        "#10b981",
        "Budgets, invoices, payments and investing, made understandable.",
    ),
    CategorySpec(
        "Health",
        "health",
        "🩺",
        "#06b6d4",
        "Sleep, fitness, nutrition and mental health apps that respect your data.",
    ),
    CategorySpec(
        "Education",
        "education",
        "📚",
        "#3b82f6",
        "Courses, flashcards and classroom tools for learners of every age.",
    ),
    CategorySpec(
        "Games",
        "games",
        "🎮",
        "#f97316",
        "Indie games, puzzles and the tools people use to make them.",
    ),
    CategorySpec(
        "Hardware",
        "hardware",
        "🔌",
        "#64748b",
        "Keyboards, sensors, smart-home kits and other things you can hold.",
    ),
)

DEMO_MAKER = MakerSpec(
    DEMO_USERNAME,
    "Demo",
    "Maker",
    "The account to look around with: I launch things, comment on launches and follow makers.",
    "https://vitrin.example.com",
)

MAKERS: tuple[MakerSpec, ...] = (
    DEMO_MAKER,
    MakerSpec(
        "ada",
        "Ada",
        "Okafor",
        "Backend engineer. I write tools that make CI faster and reviews kinder.",
        "https://ada-okafor.dev",
    ),
    MakerSpec(
        "mateo",
        "Mateo",
        "García",
        "Product designer in Valencia. Typography nerd, maker of small apps.",
        "https://mateo.design",
    ),
    MakerSpec(
        "lena",
        "Lena",
        "Fischer",
        "Founder of two bootstrapped SaaS products. Writes about pricing.",
        "https://lenafischer.com",
    ),
    MakerSpec(
        "kenji",
        "Kenji",
        "Watanabe",
        "Hardware hacker. Split keyboards, e-ink and anything with a soldering iron.",
        "https://kenji.build",
    ),
    MakerSpec(
        "amara",
        "Amara",
        "Diallo",
        "Machine learning engineer working on small models that run on phones.",
        "https://amara.ai",
    ),
    MakerSpec(
        "noah",
        "Noah",
        "Bennett",
        "Growth marketer turned indie hacker. Newsletters are my love language.",
        "https://noahbennett.co",
    ),
    MakerSpec(
        "sofia",
        "Sofia",
        "Rossi",
        "Teacher and edtech builder. Making flashcards less boring since 2019.",
        "https://sofiarossi.it",
    ),
    MakerSpec(
        "yusuf",
        "Yusuf",
        "Demir",
        "Fintech developer in Istanbul. Ledgers, invoices and a lot of decimals.",
        "https://yusufdemir.dev",
    ),
    MakerSpec(
        "ines", "Inès", "Laurent", "Game designer. Cosy puzzle games with hand-drawn art.", "https://ines-laurent.games"
    ),
    MakerSpec(
        "priya",
        "Priya",
        "Raman",
        "Physician and developer building privacy-first health apps.",
        "https://priyaraman.health",
    ),
    MakerSpec(
        "lucas",
        "Lucas",
        "Silva",
        "Frontend engineer. Design systems, accessibility and fast pages.",
        "https://lucas.dev",
    ),
    MakerSpec(
        "hanna",
        "Hanna",
        "Nowak",
        "Productivity coach who got tired of productivity apps and built one.",
        "https://hannanowak.pl",
    ),
    MakerSpec(
        "omar", "Omar", "Haddad", "Solo founder. Shipping one small product a month this year.", "https://omarhaddad.me"
    ),
    MakerSpec(
        "chloe",
        "Chloé",
        "Martin",
        "Illustrator and icon designer. Pixels, vectors and coffee.",
        "https://chloe-martin.art",
    ),
    MakerSpec(
        "david", "David", "Kim", "Data engineer. SQL is the best programming language, fight me.", "https://davidkim.io"
    ),
    MakerSpec("zara", "Zara", "Ahmed", "Community builder and marketer for developer tools.", "https://zara.community"),
    MakerSpec(
        "felix", "Felix", "Berg", "Embedded developer. Sensors, batteries and low-power radios.", "https://felixberg.se"
    ),
    MakerSpec(
        "mia",
        "Mia",
        "Johansson",
        "UX researcher. I talk to users so you don't have to guess.",
        "https://miajohansson.design",
    ),
    MakerSpec(
        "tomas",
        "Tomás",
        "Herrera",
        "Game developer and jam organiser. Godot enthusiast.",
        "https://tomasherrera.itch.io",
    ),
    MakerSpec(
        "aisha",
        "Aisha",
        "Bello",
        "Personal finance writer and the maker of budgeting tools for freelancers.",
        "https://aishabello.money",
    ),
    MakerSpec("ravi", "Ravi", "Patel", "AI product engineer. Evaluations before vibes.", "https://ravipatel.ai"),
    MakerSpec(
        "elena", "Elena", "Popescu", "Fitness coach and runner building training tools.", "https://elenapopescu.fit"
    ),
    MakerSpec(
        "jonas",
        "Jonas",
        "Weber",
        "Platform engineer. Kubernetes by day, synthesizers by night.",
        "https://jonasweber.net",
    ),
)

# Seven launches per category, in the order of CATEGORIES.
PRODUCTS: dict[str, tuple[ProductSpec, ...]] = {
    "developer-tools": (
        ProductSpec(
            "Lintly",
            "Catch bugs before your reviewers do",
            "Lintly runs your linters on every pull request and comments only on the lines that changed. "
            "It learns which warnings your team ignores and stops repeating them.",
            ("code-review", "linting", "github"),
        ),
        ProductSpec(
            "Shipyard CI",
            "Pipelines that start in two seconds",
            "Shipyard CI keeps warm runners with your dependencies cached, so a push turns green before "
            "you have switched windows. Bring your existing YAML; it just runs faster.",
            ("ci", "devops", "open-source"),
        ),
        ProductSpec(
            "Schemawise",
            "Database migrations you can read",
            "Schemawise turns your migration files into a plain-English changelog and warns you about "
            "locks that would take your tables offline.",
            ("postgres", "migrations", "databases"),
        ),
        ProductSpec(
            "Tracebook",
            "Logs, traces and errors on one timeline",
            "Follow a request from the browser to the database and back. Tracebook stitches logs, traces "
            "and exceptions together by request id, with no agent to install.",
            ("observability", "logging", "devops"),
        ),
        ProductSpec(
            "Envelope",
            "Secrets for teams that hate secrets managers",
            "Envelope syncs environment variables between laptops, CI and production with end-to-end "
            "encryption and an audit log of who read what.",
            ("security", "devops", "cli"),
        ),
        ProductSpec(
            "Mockingbird",
            "An API mock server from your OpenAPI file",
            "Point Mockingbird at an OpenAPI document and get a realistic mock server with examples, "
            "latency and errors, so the frontend never waits for the backend.",
            ("api", "testing", "openapi"),
        ),
        ProductSpec(
            "Gitgarden",
            "A calm dashboard for all your repositories",
            "Stale branches, failing checks and forgotten pull requests across every repository you own, "
            "summarised once a day.",
            ("github", "dashboard", "open-source"),
        ),
    ),
    "productivity": (
        ProductSpec(
            "Deepwork",
            "A focus timer that blocks the internet for you",
            "Deepwork starts a focus session, silences notifications and blocks the sites you choose. "
            "At the end it shows where your attention actually went.",
            ("focus", "time-tracking", "macos"),
        ),
        ProductSpec(
            "Inbox Zero Hero",
            "Email triage in three keystrokes",
            "Archive, reply later or delegate: every email gets one decision. Keyboard first, with "
            "summaries of long threads.",
            ("email", "keyboard", "ai"),
        ),
        ProductSpec(
            "Calendly Lite",
            "Scheduling links without the upsell",
            "Share a link, let people pick a slot, done. Calendly Lite respects buffers, time zones and "
            "your lunch break.",
            ("calendar", "scheduling", "remote-work"),
        ),
        ProductSpec(
            "Notepath",
            "Notes that link themselves",
            "Write in plain Markdown and Notepath suggests links between related notes as you type. "
            "Everything stays in local files you own.",
            ("notes", "markdown", "local-first"),
        ),
        ProductSpec(
            "Standup Bot",
            "Asynchronous standups in Slack",
            "Standup Bot asks each teammate three questions at their own morning and posts a digest "
            "to the channel. Meetings optional.",
            ("slack", "remote-work", "teams"),
        ),
        ProductSpec(
            "Taskflow",
            "A to-do list that plans your week",
            "Add tasks with rough estimates and Taskflow lays them into your calendar around meetings, "
            "moving them when plans change.",
            ("tasks", "calendar", "planning"),
        ),
        ProductSpec(
            "Clipstack",
            "Clipboard history that is actually searchable",
            "Everything you copied, searchable by text, app and date, with snippets you can pin and "
            "sensitive items kept out automatically.",
            ("macos", "clipboard", "keyboard"),
        ),
    ),
    "design": (
        ProductSpec(
            "Palette Pilot",
            "Accessible colour palettes in one click",
            "Pick a brand colour and Palette Pilot builds a full scale with contrast ratios checked "
            "against WCAG for text and backgrounds.",
            ("colors", "accessibility", "figma"),
        ),
        ProductSpec(
            "Iconforge",
            "Draw one icon, get the whole set",
            "Iconforge keeps stroke width, corner radius and grid consistent across your icon set, "
            "and exports SVG, React components and an icon font.",
            ("icons", "svg", "design-systems"),
        ),
        ProductSpec(
            "Mockup Studio",
            "Device mockups for your screenshots",
            "Drop a screenshot and get it framed on phones, laptops and browsers with realistic light "
            "and shadows, ready for your launch page.",
            ("mockups", "screenshots", "marketing"),
        ),
        ProductSpec(
            "Typescale",
            "A type scale calculator for the web",
            "Choose a base size and a ratio; Typescale previews headings and body text and exports "
            "fluid CSS clamp() values.",
            ("typography", "css", "web-design"),
        ),
        ProductSpec(
            "Critique",
            "Design feedback pinned to the pixel",
            "Share a frame, collect comments pinned to the exact spot, and resolve them version by "
            "version without a meeting.",
            ("feedback", "collaboration", "figma"),
        ),
        ProductSpec(
            "Moodboard",
            "Collect inspiration from anywhere",
            "A browser extension and a canvas: save images, colours and fonts from any page and arrange "
            "them into boards you can share.",
            ("inspiration", "browser-extension", "branding"),
        ),
        ProductSpec(
            "Pixel Perfect",
            "Compare the build with the design",
            "Overlay the design on the live page, spot the two-pixel differences and send them to the "
            "developer as a checklist.",
            ("qa", "frontend", "web-design"),
        ),
    ),
    "ai": (
        ProductSpec(
            "Promptbench",
            "Test your prompts like you test your code",
            "Write test cases for your prompts, run them against several models and see which change "
            "made the answers worse before your users do.",
            ("llm", "testing", "evaluation"),
        ),
        ProductSpec(
            "Transcribe Me",
            "Meeting notes that write themselves",
            "Transcribe Me records your calls, separates speakers and writes a summary with decisions "
            "and action items, in 30 languages.",
            ("transcription", "meetings", "productivity"),
        ),
        ProductSpec(
            "Tiny Vision",
            "Image classification that runs on the phone",
            "Train a small image model in the browser from a few hundred photos and export it for iOS "
            "and Android. No server, no data leaving the device.",
            ("machine-learning", "mobile", "privacy"),
        ),
        ProductSpec(
            "DocChat",
            "Ask questions about your documentation",
            "DocChat indexes your docs and answers questions with links to the exact paragraph, and "
            "says so when the answer is not there.",
            ("llm", "documentation", "search"),
        ),
        ProductSpec(
            "Voicebox",
            "Natural voices for your videos",
            "Type a script, pick a voice and get a narration with the pauses and emphasis in the right "
            "places. Commercial use included.",
            ("text-to-speech", "video", "creators"),
        ),
        ProductSpec(
            "Labelwise",
            "Data labelling with a model in the loop",
            "Labelwise pre-labels your data with a model, asks humans only about the uncertain cases "
            "and tracks agreement between annotators.",
            ("machine-learning", "datasets", "annotation"),
        ),
        ProductSpec(
            "Copydesk",
            "An editor that knows your style guide",
            "Copydesk checks drafts against your brand voice and style guide and suggests rewrites "
            "that sound like you, not like a robot.",
            ("writing", "llm", "marketing"),
        ),
    ),
    "marketing": (
        ProductSpec(
            "Letterpress",
            "Newsletters with a beautiful archive",
            "Write in a calm editor, send to your list and get a fast, searchable archive of every "
            "issue on your own domain.",
            ("newsletter", "email", "creators"),
        ),
        ProductSpec(
            "Launchpage",
            "A landing page before you write the product",
            "Describe your idea and Launchpage builds a landing page with a waitlist, so you can test "
            "demand this afternoon.",
            ("landing-page", "no-code", "validation"),
        ),
        ProductSpec(
            "Socialq",
            "Schedule a month of posts in an hour",
            "Plan posts for every network on one calendar, reuse your best ones and see which times "
            "your audience is awake.",
            ("social-media", "scheduling", "analytics"),
        ),
        ProductSpec(
            "Plausible Counter",
            "Website analytics without cookies",
            "Page views, referrers and goals on one page, without cookies or consent banners, and "
            "with the data stored in the EU.",
            ("analytics", "privacy", "open-source"),
        ),
        ProductSpec(
            "Referral Rocket",
            "Referral programs for SaaS",
            "Give customers a link, reward them when friends subscribe, and let Referral Rocket handle "
            "the fraud checks and the payouts.",
            ("growth", "saas", "referrals"),
        ),
        ProductSpec(
            "SEO Sprout",
            "Keyword ideas from real questions",
            "SEO Sprout collects the questions people ask in forums and search suggestions and groups "
            "them into articles worth writing.",
            ("seo", "content", "research"),
        ),
        ProductSpec(
            "Testimonial Wall",
            "Collect and show customer love",
            "Send a link, collect text and video testimonials, and embed a wall of them on your site "
            "with one line of code.",
            ("social-proof", "no-code", "saas"),
        ),
    ),
    "fintech": (
        ProductSpec(
            "Ledgerly",
            "Double-entry bookkeeping for humans",
            "Ledgerly imports your bank feeds, suggests categories and keeps the books balanced, with "
            "reports your accountant will understand.",
            ("accounting", "small-business", "banking"),
        ),
        ProductSpec(
            "Invoicely",
            "Invoices that get paid on time",
            "Create an invoice in a minute, accept cards and bank transfers, and let Invoicely send "
            "polite reminders when payments are late.",
            ("invoicing", "freelancers", "payments"),
        ),
        ProductSpec(
            "Splitwise Pro",
            "Shared expenses without awkward messages",
            "Track who paid for what on trips and in shared flats, settle up in any currency and keep "
            "friendships intact.",
            ("expenses", "travel", "mobile"),
        ),
        ProductSpec(
            "Runway",
            "See how many months of cash you have",
            "Connect your accounts and Runway projects your cash month by month, with scenarios for "
            "hiring, fundraising and price changes.",
            ("startups", "forecasting", "finance"),
        ),
        ProductSpec(
            "Coinpurse",
            "A budget app for irregular incomes",
            "Coinpurse smooths out freelance income into a steady monthly salary and tells you how "
            "much is safe to spend this week.",
            ("budgeting", "freelancers", "personal-finance"),
        ),
        ProductSpec(
            "Taxbox",
            "Set aside the right amount for taxes",
            "Taxbox estimates the tax on every payment you receive and moves it to a separate pot, so "
            "April holds no surprises.",
            ("taxes", "freelancers", "banking"),
        ),
        ProductSpec(
            "Stockwatch",
            "Portfolio tracking across brokers",
            "All your accounts in one view, with dividends, fees and your real return after inflation.",
            ("investing", "portfolio", "dashboard"),
        ),
    ),
    "health": (
        ProductSpec(
            "Sleepwell",
            "Understand your sleep without a wearable",
            "Sleepwell uses your phone's microphone on the nightstand to track sleep stages and snoring, "
            "with all processing on the device.",
            ("sleep", "privacy", "mobile"),
        ),
        ProductSpec(
            "Stride",
            "Running plans that adapt to your week",
            "Tell Stride your race and your schedule; it builds a plan and adjusts it when you miss a "
            "run or feel tired.",
            ("running", "fitness", "coaching"),
        ),
        ProductSpec(
            "Mealprep",
            "Weekly meal plans and one shopping list",
            "Pick recipes for the week and Mealprep merges the ingredients into one shopping list, sorted by aisle.",
            ("nutrition", "recipes", "planning"),
        ),
        ProductSpec(
            "Calm Corner",
            "Two-minute breathing breaks",
            "Short guided breathing exercises that fit between meetings, with reminders that know when you are busy.",
            ("mental-health", "meditation", "wellbeing"),
        ),
        ProductSpec(
            "Posture Pal",
            "A gentle nudge when you slouch",
            "Posture Pal uses your webcam, locally, to notice when you slouch and reminds you to sit "
            "up before your back complains.",
            ("ergonomics", "remote-work", "privacy"),
        ),
        ProductSpec(
            "Hydrate",
            "Drink water, get reminded less",
            "A water tracker that learns your habits and only reminds you when you actually forget.",
            ("habits", "mobile", "wellbeing"),
        ),
        ProductSpec(
            "Symptom Notes",
            "Prepare for your doctor's appointment",
            "Log symptoms, medication and questions over time and bring a one-page summary to your next appointment.",
            ("healthcare", "journaling", "privacy"),
        ),
    ),
    "education": (
        ProductSpec(
            "Flashdeck",
            "Spaced repetition that fits in your pocket",
            "Flashdeck schedules reviews at the moment you are about to forget, with decks for languages, "
            "medicine and code.",
            ("flashcards", "learning", "mobile"),
        ),
        ProductSpec(
            "Classroom Quiz",
            "Live quizzes for any classroom",
            "Project a question, students answer on their phones and the class sees the results live. "
            "Free for teachers.",
            ("teachers", "quizzes", "schools"),
        ),
        ProductSpec(
            "Codecamp Kids",
            "Programming lessons for ages eight and up",
            "Story-driven lessons where children program a robot through puzzles, from blocks to real Python.",
            ("kids", "programming", "learning"),
        ),
        ProductSpec(
            "Lingo Loop",
            "Learn a language from the shows you watch",
            "Lingo Loop adds dual subtitles to videos and turns unknown words into flashcards with a single click.",
            ("languages", "video", "browser-extension"),
        ),
        ProductSpec(
            "Mathpath",
            "Step-by-step help that does not give the answer away",
            "Stuck on a problem? Mathpath gives one hint at a time, so students learn the method "
            "instead of copying the result.",
            ("math", "students", "ai"),
        ),
        ProductSpec(
            "Cohort",
            "Run a live online course",
            "Cohort handles enrolment, schedules, recordings and discussion for courses taught live to a group.",
            ("courses", "creators", "community"),
        ),
        ProductSpec(
            "Readwise Notes",
            "Remember what you read",
            "Highlights from books and articles, resurfaced in a daily email so the ideas stick.",
            ("reading", "notes", "learning"),
        ),
    ),
    "games": (
        ProductSpec(
            "Tiny Towns",
            "A cosy city builder for short breaks",
            "Build a little town one tile at a time. Each session takes five minutes and there is no way to lose.",
            ("indie", "city-builder", "mobile"),
        ),
        ProductSpec(
            "Wordsmith",
            "A daily word puzzle with a twist",
            "One puzzle a day: find the hidden word using letters that move. Share your result without spoilers.",
            ("puzzle", "daily", "word-game"),
        ),
        ProductSpec(
            "Pixel Dungeon Maker",
            "Make a dungeon crawler without code",
            "Draw rooms, place monsters and write dialogue, then share a link so friends can play "
            "your dungeon in the browser.",
            ("game-dev", "no-code", "retro"),
        ),
        ProductSpec(
            "Chess Coach",
            "Learn from your own games",
            "Chess Coach reviews the games you played online and builds puzzles from your own mistakes.",
            ("chess", "learning", "strategy"),
        ),
        ProductSpec(
            "Starlight Drift",
            "A relaxing space exploration game",
            "Drift between stars, collect light and listen to an original soundtrack. No combat, no timers.",
            ("indie", "relaxing", "steam"),
        ),
        ProductSpec(
            "Party Trivia",
            "Trivia nights on the big screen",
            "Host a trivia night from your laptop; players join with their phones and compete in teams.",
            ("party", "trivia", "multiplayer"),
        ),
        ProductSpec(
            "Godot Sprites",
            "Sprite sheets for Godot in seconds",
            "Import animations from your drawing app and get Godot-ready sprite sheets with frames and timings set.",
            ("game-dev", "godot", "pixel-art"),
        ),
    ),
    "hardware": (
        ProductSpec(
            "Keeb One",
            "A split keyboard you can build in an evening",
            "A hot-swappable, wireless split keyboard kit with no soldering and open-source firmware.",
            ("keyboards", "open-hardware", "ergonomics"),
        ),
        ProductSpec(
            "Airnode",
            "An air quality sensor for every room",
            "Airnode measures CO2, particles and humidity and tells you when to open a window. Works "
            "with Home Assistant.",
            ("smart-home", "sensors", "home-assistant"),
        ),
        ProductSpec(
            "Inkframe",
            "An e-ink display for your calendar",
            "A wall-mounted e-ink screen that shows today's meetings and the weather, and runs for "
            "months on one charge.",
            ("e-ink", "calendar", "smart-home"),
        ),
        ProductSpec(
            "Plantbuddy",
            "A soil sensor that texts you",
            "Stick Plantbuddy in a pot and get a message when the plant needs water or more light.",
            ("gardening", "iot", "sensors"),
        ),
        ProductSpec(
            "Deskhub",
            "One cable for your whole desk",
            "A USB-C dock with 100 W charging, two displays and a physical switch between your work and home laptops.",
            ("usb-c", "desk-setup", "remote-work"),
        ),
        ProductSpec(
            "Solar Tracker Kit",
            "Learn electronics with the sun",
            "A kit with a small solar panel, two servos and a microcontroller that follows the sun. Lessons included.",
            ("education", "electronics", "solar"),
        ),
        ProductSpec(
            "Macropad",
            "Nine keys for your shortcuts",
            "A tiny programmable keypad with a knob for volume, timelines and zoom. Configure it in the browser.",
            ("keyboards", "productivity", "open-hardware"),
        ),
    ),
}

# What people write in threads; `{title}` is the product's title.
TOP_LEVEL_COMMENTS: tuple[str, ...] = (
    "Congrats on the launch! How is {title} different from what I use today?",
    "This looks great. Is there a free plan for small teams?",
    "I have been waiting for something like {title}. Signed up already.",
    "Nice work! Does it work offline?",
    "The onboarding is really smooth. What stack did you build {title} with?",
    "Any plans for an API? I would love to automate this.",
    "Tried it this morning and it saved me half an hour already.",
    "How do you handle privacy? Where is the data stored?",
    "Love the design. Who made the illustrations?",
    "Is there a roadmap somewhere? Curious what comes next for {title}.",
    "Upvoted! One request: a dark mode, please.",
    "What made you start building {title}?",
)
REPLIES: tuple[str, ...] = (
    "Thank you! Great question: we focus on doing one thing really well.",
    "Yes, there is a free plan, and it stays free.",
    "Not yet, but it is next on the roadmap.",
    "Same here, this is exactly what I needed.",
    "Agreed, the details are lovely.",
    "We store everything in the EU and never sell data.",
    "Good point, I will write a post about that soon.",
    "It is on our list for next month. Stay tuned!",
    "I had the same question, thanks for asking.",
    "You can export everything at any time, no lock-in.",
    "Thanks for trying it! Let me know what you think after a week.",
    "Dark mode ships on Friday 🙂",
)
