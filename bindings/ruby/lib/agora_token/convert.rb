# frozen_string_literal: true

module AgoraToken
  # Ruby values to C arguments. Only types and ranges that C cannot hold are
  # refused here (naming the field); every token rule is token-core's.
  module Convert
    module_function

    # A String for a `const char *` parameter (no NUL byte: C strings end there).
    def str(name, value)
      raise TypeError, "#{name}: must be a String (got #{value.class})" unless value.is_a?(String)
      raise InvalidInput.new("#{name}: must not contain a NUL byte", :invalid_input) if value.include?("\0")

      value
    end

    # An Integer that fits a C integer type of +bits+ bits.
    def int(name, value, bits, signed: false)
      raise TypeError, "#{name}: must be an Integer (got #{value.class})" unless value.is_a?(Integer)

      min = signed ? -(1 << (bits - 1)) : 0
      max = signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1
      return value if value.between?(min, max)

      raise InvalidInput.new("#{name}: must be in #{min}..#{max} (got #{value})", :invalid_input)
    end

    def u32(name, value) = int(name, value, 32)
    def i32(name, value) = int(name, value, 32, signed: true)
    def u16(name, value) = int(name, value, 16)
    def i16(name, value) = int(name, value, 16, signed: true)

    # AgoraTokenOptions, or nil (NULL: now, a random salt, checked) when
    # nothing is fixed and the builder is checked.
    def options(issue_ts: nil, salt: nil, ts: nil, lenient: false)
      fixed = !(issue_ts.nil? && salt.nil? && ts.nil?)
      return nil unless fixed || lenient

      o = Native::Options.new
      o[:flags] = (fixed ? Native::OPTION_FIXED_ISSUE : 0) | (lenient ? Native::OPTION_LENIENT : 0)
      o[:issue_ts] = u32('issue_ts', issue_ts || 0)
      o[:salt] = u32('salt', salt || 0)
      o[:ts] = u32('ts', ts || 0)
      o
    end

    # A C array of `const char *`; +keep+ holds the memory for the call.
    def strings(name, list, keep)
      raise TypeError, "#{name}: must be an Array of Strings" unless list.is_a?(Array)
      return nil if list.empty?

      array = FFI::MemoryPointer.new(:pointer, list.size)
      list.each_with_index do |s, n|
        keep << (ptr = FFI::MemoryPointer.from_string(str("#{name}[#{n}]", s)))
        array[n].put_pointer(0, ptr)
      end
      keep << array
      array
    end

    # AgoraTokenRtm2Permission[] from Permission-like values (#resource_type,
    # #permission_type, #resources) or Hashes with those keys.
    def permissions(list, keep)
      raise TypeError, 'permissions: must be an Array' unless list.is_a?(Array)
      return [nil, 0] if list.empty?

      array = FFI::MemoryPointer.new(Native::Rtm2Permission, list.size)
      list.each_with_index do |p, n|
        get = ->(k) { p.is_a?(Hash) ? p.fetch(k) { p.fetch(k.to_s) } : p.public_send(k) }
        c = Native::Rtm2Permission.new(array + (n * Native::Rtm2Permission.size))
        c[:resource_type] = u16("permissions[#{n}].resource_type", get.call(:resource_type))
        c[:permission_type] = u16("permissions[#{n}].permission_type", get.call(:permission_type))
        resources = get.call(:resources)
        c[:resources] = strings("permissions[#{n}].resources", resources, keep) || FFI::Pointer::NULL
        c[:resource_count] = resources.size
      end
      keep << array
      [array, list.size]
    end

    # AgoraTokenService[] from Service values (or Hashes with its keys).
    def services(list, keep)
      raise TypeError, 'services: must be an Array' unless list.is_a?(Array)
      return [nil, 0] if list.empty?

      array = FFI::MemoryPointer.new(Native::Service, list.size)
      list.each_with_index do |s, n|
        service(Native::Service.new(array + (n * Native::Service.size)), s, "services[#{n}]", keep)
      end
      keep << array
      [array, list.size]
    end

    def service(c, s, name, keep)
      get = ->(k) { s.is_a?(Hash) ? s.fetch(k) { s[k.to_s] } : s.public_send(k) }
      c[:service_type] = u16("#{name}.type", get.call(:type))
      c[:privileges], c[:privilege_count] = privileges("#{name}.privileges", get.call(:privileges) || {}, keep)
      c[:privileges] ||= FFI::Pointer::NULL
      %i[channel_name uid user_id account room_uuid user_uuid].each do |k|
        keep << (ptr = FFI::MemoryPointer.from_string(str("#{name}.#{k}", get.call(k) || '')))
        c[k] = ptr
      end
      c[:role] = i16("#{name}.role", get.call(:role) || -1)
      c[:permissions], c[:permission_count] = permissions(get.call(:permissions) || [], keep)
      c[:permissions] ||= FFI::Pointer::NULL
    end

    # AgoraTokenPrivilege[] from a Hash of privilege id => expire.
    def privileges(name, map, keep)
      raise TypeError, "#{name}: must be a Hash of privilege id => expire" unless map.is_a?(Hash)
      return [nil, 0] if map.empty?

      array = FFI::MemoryPointer.new(Native::Privilege, map.size)
      map.each_with_index do |(id, expire), n|
        c = Native::Privilege.new(array + (n * Native::Privilege.size))
        c[:id] = u16("#{name} id", id.is_a?(String) && id.match?(/\A\d+\z/) ? id.to_i : id)
        c[:expire] = u32("#{name}[#{id}]", expire)
      end
      keep << array
      [array, map.size]
    end
  end
end
