# frozen_string_literal: true

# The gem's version (the project's workspace version).
module AgoraToken
  VERSION = '0.1.0'
end
