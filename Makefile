# Folio — the two commands of the README, and a few more for development.
#   make serve   install what is missing, build, serve the app on http://127.0.0.1:8080
#   make test    install what is missing (Chromium too), run every test tier

export PATH := $(CURDIR)/.ci/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test setup build size

serve:
	scripts/setup.sh
	trunk serve --release --offline --address 127.0.0.1 --port 8080

test:
	scripts/setup.sh --browser
	scripts/test.sh

setup:
	scripts/setup.sh --browser

build:
	scripts/setup.sh
	trunk build --release --offline
	scripts/size.sh
