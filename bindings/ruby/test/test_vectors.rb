# frozen_string_literal: true

require_relative 'test_helper'

# Every committed official vector through the idiomatic API (pinned: same
# content as the official token), the drop-ins (re-pinned: rebuilt by the
# idiomatic API with the drop-in token's own issue ts and salt) and back
# through parse/verify.
class VectorsTest < Minitest::Test
  CASES = vector_cases
  NOT_IN_GEM = %w[convoai.token stt.token].freeze
  LEGACY = CASES.count { |c| VectorCalls.legacy?(c['builder']) }

  def test_the_vectors_are_there
    assert_operator CASES.size, :>=, 190
    assert_equal 28, LEGACY, 'legacy DynamicKey/Signaling vectors are the only ones without a Ruby builder'
  end

  CASES.each do |c|
    next if VectorCalls.legacy?(c['builder'])

    define_method("test_idiomatic_#{c['name']}") do
      token = begin
        VectorCalls.idiomatic(c['builder'], c['inputs'], c['token'])
      rescue AgoraToken::InvalidInput
        # The official builders accept inputs the checked builder refuses
        # (an empty account, ...): the lenient builder must give their token.
        VectorCalls.idiomatic(c['builder'], c['inputs'], c['token'], lenient: true)
      end
      assert_equal VectorCalls.content(c['token']), VectorCalls.content(token)
    end

    define_method("test_parse_verify_#{c['name']}") do
      parsed = VectorCalls.read('verify', c['inputs'], c['token'])
      assert parsed.frozen?
      assert_equal c['token'][0, 3], parsed.version
      assert_equal c['inputs']['app_id'], parsed.app_id
      assert_equal c['inputs']['salt'], parsed.salt
      assert_raises(AgoraToken::SignatureMismatch) do
        VectorCalls.read('verify', c['inputs'].merge('app_certificate' => 'a' * 32), c['token'])
      end
    end

    define_method("test_dropin_#{c['name']}") do
      token = VectorCalls.dropin(c['builder'], c['inputs'], c['token'])
      # AccessToken takes the case's issue ts and salt: the official token itself.
      assert_equal VectorCalls.content(c['token']), VectorCalls.content(token) if VectorCalls.dropin_pinned?(c['builder'])
      inputs = c['inputs'].merge(VectorCalls.issue_of(token))
      want = VectorCalls.idiomatic(c['builder'], inputs, '', lenient: true)
      assert_equal VectorCalls.content(want), VectorCalls.content(token)
    rescue VectorCalls::NotOffered => e
      # Not in the official Ruby gem (ConvoAI, STT, their service types),
      # or a documented difference (006 uid 0, test_dropin.rb).
      assert NOT_IN_GEM.include?(c['builder']) || e.message.match?(/no service type (9|10)\z/) ||
             (c['builder'] == 'rtc006.with_uid' && c['inputs']['uid'].zero?), e.message
    end
  end
end
