// Every answer registers its capability here (imported once by the bot, the CLI and the tests).
export {};
