# frozen_string_literal: true

require 'json'
require 'minitest/autorun'
require_relative 'vector_calls'

ROOT = File.expand_path('../../..', __dir__)
APP_ID = '970CA35de60c44645bbae8a215061b33'
APP_CERT = '5CFd2fd1755d40ecb72977518be15d3b'

# Every case of tests/vectors/*.json (file name added), divergent ones apart.
def vector_cases(divergent: false)
  Dir[File.join(ROOT, 'tests/vectors/*.json')].sort.flat_map do |path|
    name = File.basename(path)
    next [] if name.start_with?('divergent_') != divergent

    JSON.parse(File.read(path)).map { |c| c.merge('file' => name) }
  end
end
