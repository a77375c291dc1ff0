# frozen_string_literal: true

require 'json'

module AgoraToken
  module_function

  # Parses a 007 or 006 token without checking its signature; returns a
  # frozen Token. Raises Malformed or WrongVersion.
  def parse(token)
    Reader.token(call_native(:agora_token_parse_struct, Convert.str('token', token), result: :pointer))
  end

  # Checks a 007 token's signature against +app_certificate+ and returns the
  # parsed Token. Expiry is not checked (see check). Raises SignatureMismatch.
  def verify(token, app_certificate)
    Reader.token(call_native(:agora_token_v007_verify_struct, Convert.str('token', token),
                             Convert.str('app_certificate', app_certificate), result: :pointer))
  end

  # Checks a 006 token against the certificate, channel name and uid (an
  # Integer, or the account; 0 or "" for any user) it was built for.
  def verify006(token, app_certificate, channel_name, uid)
    uid = uid.zero? ? '' : Convert.u32('uid', uid).to_s if uid.is_a?(Integer)
    Reader.token(call_native(:agora_token_v006_verify_struct, Convert.str('token', token),
                             Convert.str('app_certificate', app_certificate),
                             Convert.str('channel_name', channel_name), Convert.str('uid', uid), result: :pointer))
  end

  # Would Agora admit this client with this token? +request+ is a Hash (or
  # its JSON), e.g. {service: 'rtc', channel_name: 'demo', uid: '42',
  # publish: ['audio']}; +now+ Unix seconds (nil: the current time). Returns
  # the report as a frozen Hash with String keys ("allowed", "reasons", ...).
  # A bad or expired token is a denial in the report, not an exception.
  def check(token, app_certificate, request, now: nil)
    json = request.is_a?(String) ? request : JSON.generate(request)
    report = call_native(:agora_token_check, Convert.str('token', token),
                         Convert.str('app_certificate', app_certificate), Convert.str('request', json),
                         now.nil? ? 0 : Convert.int('now', now, 64))
    JSON.parse(report, freeze: true)
  end

  # The decoded content of a 007 token as lowercase hex (two tokens with the
  # same content are the same token even when their zlib streams differ).
  def content_hex(token)
    call_native(:agora_token_v007_content_hex, Convert.str('token', token))
  end
end
